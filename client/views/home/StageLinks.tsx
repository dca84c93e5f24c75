import type { Stage } from '../../../shared/model/programme.schema.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { QrCode } from '../../components/QrCode.tsx';
import { useT } from '../../i18n/lang.ts';

/** The three links each stage hands out: the speaker's timer, the MC's console, the attendees' agenda. */
const LINKS: { path: string; key: MessageKey }[] = [
  { path: '/stage', key: 'home.link.stage' },
  { path: '/mc', key: 'home.link.mc' },
  { path: '/agenda', key: 'home.link.agenda' },
];

export const stageLink = (base: string, path: string, stageId: string) => `${base}${path}?stage=${encodeURIComponent(stageId)}`;

/** Per stage, its links on the server's LAN address with a QR code each, so nothing has to be typed. */
export function StageLinks({ base, stages }: { base: string; stages: Stage[] }) {
  const t = useT();
  return (
    <section className="home-stages" aria-labelledby="home-stages-title">
      <h2 id="home-stages-title">{t('home.stages')}</h2>
      <p className="home-which">{t('home.which')}</p>
      {stages.map((s) => (
        <div key={s.id} className="home-stage" data-testid="home-stage">
          <h3>{s.name}</h3>
          <ul className="home-stage-links">
            {LINKS.map((l) => {
              const url = stageLink(base, l.path, s.id);
              return (
                <li key={l.path}>
                  <a href={url}>
                    <QrCode text={url} size={132} label={url} />
                    <span className="home-link-name">{t(l.key)}</span>
                    <code>{url.replace(/^https?:\/\//, '')}</code>
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
