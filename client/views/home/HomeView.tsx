import { useEffect, useState } from 'react';
import type { ProgrammePayload } from '../../../shared/protocol.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { toggleLang, useT } from '../../i18n/lang.ts';
import './home.css';

/** In the order and with the words of README.md's "Which device opens which screen" (a test compares them). */
const VIEWS: { path: string; key: MessageKey; who: MessageKey }[] = [
  { path: '/mc', key: 'views.mc', who: 'views.mc.who' },
  { path: '/stage', key: 'views.stage', who: 'views.stage.who' },
  { path: '/led', key: 'views.led', who: 'views.led.who' },
  { path: '/tech', key: 'views.tech', who: 'views.tech.who' },
  { path: '/agenda', key: 'views.agenda', who: 'views.agenda.who' },
  { path: '/edit', key: 'views.edit', who: 'views.edit.who' },
  { path: '/report', key: 'views.report', who: 'views.report.who' },
];

/** The landing page: the event, and every view with the device that opens it. */
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
              <span className="home-view-name">{t(v.key)}</span>
              <span className="home-view-who">
                <span className="visually-hidden">{t('views.who')}: </span>
                {t(v.who)}
              </span>
              <code>{v.path}</code>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
