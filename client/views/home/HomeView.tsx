import { useEffect, useState } from 'react';
import type { ProgrammePayload } from '../../../shared/protocol.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { toggleLang, useT } from '../../i18n/lang.ts';
import './home.css';

const VIEWS: { path: string; key: MessageKey }[] = [
  { path: '/mc', key: 'views.mc' },
  { path: '/stage', key: 'views.stage' },
  { path: '/led', key: 'views.led' },
  { path: '/tech', key: 'views.tech' },
  { path: '/agenda', key: 'views.agenda' },
  { path: '/edit', key: 'views.edit' },
  { path: '/report', key: 'views.report' },
];

/** The landing page: the event and a link to every view. */
export default function HomeView() {
  const t = useT();
  const [programme, setProgramme] = useState<ProgrammePayload | null>(null);
  useEffect(() => {
    fetch('/api/v1/programme')
      .then((r) => (r.ok ? r.json() : null))
      .then((p: ProgrammePayload | null) => setProgramme(p))
      .catch(() => setProgramme(null));
  }, []);
  return (
    <main className="home">
      <header>
        <p className="home-app">{t('app.name')}</p>
        <h1>{programme?.programme.event.title ?? '…'}</h1>
        {programme?.programme.event.theme ? <p className="home-theme">{programme.programme.event.theme}</p> : null}
        <button type="button" className="home-lang" onClick={toggleLang}>
          {t('lang.switch')}
        </button>
      </header>
      <h2>{t('views.title')}</h2>
      <ul className="home-views">
        {VIEWS.map((v) => (
          <li key={v.path}>
            <a href={v.path}>
              <span>{t(v.key)}</span>
              <code>{v.path}</code>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
