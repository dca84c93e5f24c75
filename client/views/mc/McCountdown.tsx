import type { StageView } from '../../../shared/engine/view.ts';
import type { Segment } from '../../../shared/model/programme.schema.ts';
import { useT } from '../../i18n/lang.ts';
import { formatDuration } from '../../../shared/time-format.ts';
import { gapLabel, gapRemainingMs, previousInLine, timerDisplay } from '../stage/stage-display.ts';

type Props = { view: StageView; now: number; segments: ReadonlyMap<string, Segment> };

/** The same countdown the stage shows, by the same rules (shared helpers, same engine view). */
export function McCountdown({ view, now, segments }: Props) {
  const t = useT();
  const timer = timerDisplay(view);
  if (timer) {
    const status = timer.paused ? t('mc.paused') : timer.overtime ? t('mc.overtime') : null;
    return (
      <div className={`mc-countdown mc-level-${timer.level}${timer.paused ? ' mc-countdown-paused' : ''}`} data-testid="mc-countdown" data-level={timer.level}>
        <span className="mc-countdown-digits">{timer.text}</span>
        {status ? <span className="mc-countdown-status">{status}</span> : null}
      </div>
    );
  }
  const next = view.nextId ? segments.get(view.nextId) : undefined;
  const left = gapRemainingMs(view, now);
  if (!next || left === null || view.phase === 'ended') return null;
  const prevId = previousInLine(
    view.segments.map((s) => s.id),
    next.id,
  );
  const label = left > 0 ? gapLabel(next, prevId ? (segments.get(prevId) ?? null) : null) : { key: 'stage.gap.due' as const };
  return (
    <div className="mc-countdown mc-level-gap" data-testid="mc-countdown" data-level="gap">
      <span className="mc-countdown-status">{t(label.key, label.params)}</span>
      {left > 0 ? <span className="mc-countdown-digits">{formatDuration(left)}</span> : null}
    </div>
  );
}
