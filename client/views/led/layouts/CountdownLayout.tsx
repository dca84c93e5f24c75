import { useT } from '../../../i18n/lang.ts';
import { formatDuration } from '../../../../shared/time-format.ts';
import { useShow } from '../../../store/hooks.ts';
import { useStageView } from '../../../store/useStageView.ts';
import { FitText } from '../../../components/FitText.tsx';
import { digitsKey } from '../../../components/fit.ts';

type Props = { now: number; segmentId: string; label: string | undefined; unit: number };

/**
 * "Khai mạc sau 12:34": counts to the segment's projected start when the screen watches its
 * stage (so a late show moves it), else to its planned start.
 */
export function CountdownLayout({ now, segmentId, label, unit }: Props) {
  const t = useT();
  const view = useStageView(now);
  const programme = useShow((s) => s.programme);
  if (!programme) return null;
  const seg = programme.programme.segments.find((s) => s.id === segmentId);
  if (!seg) return <FitText text={t('led.countdownUnknown')} className="led-cd-title" testId="led-cd-title" />;
  const live = view?.stageId === seg.stageId ? view.segments.find((s) => s.id === segmentId) : undefined;
  const planned = programme.plan.lines[`${seg.dayId}/${seg.stageId}`]?.find((l) => l.id === segmentId)?.planned.start ?? null;
  const target = live?.projectedStart ?? planned;
  const name = label || seg.title;

  let heading: string;
  let digits = '';
  if (live && (live.status === 'current' || live.status === 'done')) heading = t('led.countdownLive', { title: name });
  else if (target !== null && target > now) {
    heading = t('led.countdownIn', { title: name });
    digits = formatDuration(target - now);
  } else heading = t('led.countdownStarting', { title: name });

  return (
    <>
      <FitText text={heading} maxPx={unit * 0.2} className="led-cd-title" testId="led-cd-title" />
      {digits ? <FitText text={digits} fitKey={digitsKey(digits)} nowrap className="led-cd-timer" testId="led-timer" /> : null}
    </>
  );
}
