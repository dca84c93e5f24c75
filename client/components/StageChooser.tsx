import type { Stage } from '../../shared/model/programme.schema.ts';
import { useT } from '../i18n/lang.ts';
import { linkToStage } from '../store/useStageParam.ts';
import './stage-chooser.css';

/**
 * What a link naming no stage shows instead of an empty screen: the stages there are, each a link
 * to this same view for it (a typo in a hand-typed `?stage=` is fixed with one tap).
 */
export function StageChooser({ asked, stages }: { asked: string; stages: readonly Stage[] }) {
  const t = useT();
  return (
    <main className="stage-chooser" data-testid="stage-chooser">
      <h1 role="alert">{t('stages.unknown', { id: asked })}</h1>
      <ul>
        {stages.map((s) => (
          <li key={s.id}>
            <a href={linkToStage(s.id)}>
              <span className="stage-chooser-name">{s.name}</span>
              {s.venue ? <span className="stage-chooser-venue">{s.venue}</span> : null}
              <code>?stage={s.id}</code>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
