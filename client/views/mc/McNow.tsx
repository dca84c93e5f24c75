import type { StageView } from '../../../shared/engine/view.ts';
import type { Segment } from '../../../shared/model/programme.schema.ts';
import { useT } from '../../i18n/lang.ts';
import { McCountdown } from './McCountdown.tsx';

type Props = { view: StageView; now: number; segments: ReadonlyMap<string, Segment> };

/** Now and next, with the MC's script in type large enough to read at arm's length. */
export function McNow({ view, now, segments }: Props) {
  const t = useT();
  const current = view.currentId ? segments.get(view.currentId) : undefined;
  const next = view.nextId ? segments.get(view.nextId) : undefined;
  return (
    <section className="mc-now" aria-labelledby="mc-now-label">
      <div className="mc-now-head">
        <h2 id="mc-now-label" className="mc-kicker">
          {t(`phase.${view.phase}`)}
        </h2>
        {current?.section ? <span className="mc-section">{current.section}</span> : null}
      </div>
      <div className="mc-now-main">
        <div className="mc-now-text">
          <p className="mc-now-title" data-testid="mc-current-title">
            {current?.title ?? t(view.phase === 'ended' ? 'mc.dayOver' : 'mc.nothingRunning')}
          </p>
          {current?.performer ? <p className="mc-performer">{t('mc.performer', { name: current.performer })}</p> : null}
        </div>
        <McCountdown view={view} now={now} segments={segments} />
      </div>
      {current?.notes.trim() ? (
        <div className="mc-notes" data-testid="mc-notes">
          {current.notes}
        </div>
      ) : current ? (
        <p className="mc-no-notes mc-muted">{t('mc.noNotes')}</p>
      ) : null}
      <div className="mc-next">
        <h3 className="mc-kicker">{t('mc.upNext')}</h3>
        <p className="mc-next-title" data-testid="mc-next-title">
          {next?.title ?? t('mc.noNext')}
        </p>
        {next?.performer ? <p className="mc-performer">{t('mc.performer', { name: next.performer })}</p> : null}
        {next?.notes.trim() ? <div className="mc-next-notes">{next.notes}</div> : null}
      </div>
    </section>
  );
}
