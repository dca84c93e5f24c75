import { useT } from '../../../i18n/lang.ts';
import { formatClock, formatDuration } from '../../../../shared/time-format.ts';
import { useShow } from '../../../store/hooks.ts';
import { useStageView } from '../../../store/useStageView.ts';
import { FitText } from '../../../components/FitText.tsx';
import { digitsKey } from '../../../components/fit.ts';
import { localLogo } from '../../../../shared/model/logo.ts';
import type { ResolvedShow } from '../../../../shared/model/screen.schema.ts';

type Props = { now: number; unit: number; show: ResolvedShow };

/**
 * Current title, performer, countdown and what comes next; between segments, the next one and its
 * countdown. `show` is the technician's choice for this wall: a screen facing the hall hides the
 * speaker's overtime (past zero it keeps the title and "next", never a red "+01:05").
 */
export function NowNextLayout({ now, unit, show }: Props) {
  const t = useT();
  const view = useStageView(now);
  const programme = useShow((s) => s.programme);
  if (!view || !programme) return null;
  const segment = (id: string | null) => (id === null ? undefined : programme.programme.segments.find((s) => s.id === id));
  const cur = segment(view.currentId);
  const nxt = segment(view.nextId);
  const nextStart = view.segments.find((s) => s.id === view.nextId)?.projectedStart ?? null;
  const tz = programme.plan.timeZone;

  let label: string;
  let title: string;
  let performer = '';
  let timer = '';
  let tone = 'normal';
  let nextLine = '';
  if (cur) {
    const remaining = view.remainingMs ?? 0;
    const over = remaining < 0 || view.phase === 'overtime';
    const overShown = over && show.overtime;
    label = t(view.phase === 'paused' ? 'led.paused' : overShown ? 'led.overtime' : 'led.now');
    title = cur.title;
    performer = cur.performer;
    if (show.countdown && (!over || show.overtime)) timer = over ? `+${formatDuration(remaining)}` : formatDuration(remaining);
    tone = over ? 'overtime' : view.timer && remaining <= view.timer.warningMs ? 'warning' : 'normal';
    if (nxt) nextLine = `${nextStart === null ? t('led.next') : t('led.nextAt', { time: formatClock(nextStart, tz) })}: ${nxt.title}`;
  } else if (nxt && view.phase !== 'ended') {
    label = nextStart === null ? t('led.next') : t('led.nextAt', { time: formatClock(nextStart, tz) });
    title = nxt.title;
    performer = nxt.performer;
    if (show.countdown && view.countdownTo !== null && view.countdownTo > now) timer = formatDuration(view.countdownTo - now);
    nextLine = timer ? t('led.startsIn') : '';
  } else {
    label = t('led.ended');
    title = programme.programme.event.title;
  }

  const logo = show.logo ? localLogo(programme.programme.event.logoUrl) : '';
  const labelText = <FitText text={label} maxPx={unit * 0.09} className="led-nn-label" testId="led-label" />;
  return (
    <>
      {show.clock || logo ? (
        <div className="led-nn-head">
          {logo ? <img className="led-nn-logo" src={logo} alt="" data-testid="led-logo" /> : null}
          {labelText}
          {show.clock ? <FitText text={formatClock(now, tz)} nowrap maxPx={unit * 0.09} className="led-nn-clock" testId="led-clock" /> : null}
        </div>
      ) : (
        labelText
      )}
      <FitText text={title} className="led-nn-title" testId="led-title" />
      {performer ? <FitText text={performer} maxPx={unit * 0.1} className="led-nn-performer" testId="led-performer" /> : null}
      {timer ? (
        <FitText text={timer} fitKey={digitsKey(timer)} nowrap className={`led-nn-timer tone-${tone}`} testId="led-timer" />
      ) : null}
      {nextLine ? <FitText text={nextLine} maxPx={unit * 0.05} className="led-nn-next" testId="led-next" /> : null}
    </>
  );
}
