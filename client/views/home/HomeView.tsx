import { useEffect, useState } from 'react';
import type { ProgrammePayload } from '../../../shared/protocol.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { QrCode } from '../../components/QrCode.tsx';
import { toggleLang, useT } from '../../i18n/lang.ts';
import { StageLinks } from './StageLinks.tsx';
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
  { path: '/crew', key: 'views.crew', who: 'views.crew.who' },
];

/** The start page: the address devices open, each stage's links with QR codes, and every view with the device that opens it. */
export default function HomeView() {
  const t = useT();
  const [programme, setProgramme] = useState<ProgrammePayload | null>(null);
  // The server's LAN address (PUBLIC_URL), not the one this browser typed: often localhost on the server itself.
  const [base, setBase] = useState<string | null>(null);
  useEffect(() => {
    fetch('/api/v1/programme')
      .then((r) => (r.ok ? r.json() : null))
      .then((p: ProgrammePayload | null) => setProgramme(p))
      .catch(() => setProgramme(null));
    fetch('/api/v1/address')
      .then((r) => (r.ok ? r.json() : null))
      .then((a: { publicUrl?: string } | null) => setBase(a?.publicUrl ?? null))
      .catch(() => setBase(null));
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
      {base ? (
        <section className="home-address" aria-labelledby="home-address-title">
          <QrCode text={`${base}/`} size={148} label={base} />
          <div>
            <h2 id="home-address-title">{t('home.address')}</h2>
            <p className="home-address-url" data-testid="home-address">
              {base}
            </p>
            <p className="home-which">{t('home.address.hint')}</p>
          </div>
        </section>
      ) : null}
      {base && programme ? <StageLinks base={base} stages={programme.programme.event.stages} /> : null}
      <h2 id="home-views-title">{t('views.title')}</h2>
      <ul className="home-views" aria-labelledby="home-views-title">
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
