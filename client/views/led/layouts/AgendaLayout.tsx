import { useT } from '../../../i18n/lang.ts';
import { formatClock } from '../../../../shared/time-format.ts';
import { useShow } from '../../../store/hooks.ts';
import { useStageView } from '../../../store/useStageView.ts';
import { FitGroup, FitText } from '../../../components/FitText.tsx';
import { shiftedStart } from '../../../../shared/engine/lateness.ts';
import { agendaRowPx, pageAt, paginate, rowsPerPage } from '../agenda-pages.ts';

type Props = { now: number; width: number; height: number };

/** Today's programme of the watched stage, the current segment highlighted; pages turn by themselves. */
export function AgendaLayout({ now, width, height }: Props) {
  const t = useT();
  const view = useStageView(now);
  const programme = useShow((s) => s.programme);
  if (!view || !programme) return null;
  const tz = programme.plan.timeZone;
  const live = new Map(view.segments.map((s) => [s.id, s]));
  const rows = programme.programme.segments.filter((s) => s.dayId === view.dayId && s.stageId === view.stageId);

  const rowPx = agendaRowPx(width, height);
  // One size for every row (a long title wraps to two lines, or shrinks), times in a fixed column.
  const timePx = rowPx * 0.42;
  const headerPx = rowPx * 1.1;
  // The layout pads by 3% of the shorter side on each edge (led.css).
  const pad = Math.min(width, height) * 0.03;
  const perPage = rowsPerPage(height - headerPx - 2 * pad, rowPx);
  const pages = paginate(rows, perPage);
  const index = pageAt(pages.length, now);
  const page = pages[index] ?? [];
  const heading = pages.length > 1 ? `${t('led.agendaTitle')} · ${t('led.page', { page: index + 1, pages: pages.length })}` : t('led.agendaTitle');

  return (
    <>
      <div className="led-agenda-head" style={{ height: headerPx }}>
        <FitText text={heading} align="start" className="led-agenda-heading" testId="led-agenda-heading" />
        <FitText text={formatClock(now, tz)} fitKey="00:00" nowrap align="end" className="led-agenda-clock" />
      </div>
      {rows.length === 0 ? <FitText text={t('led.agendaEmpty')} className="led-agenda-empty" /> : null}
      {/* One text size for the whole page: the longest title sets it, and the current row is never smaller. */}
      <FitGroup fitKey={`${width}x${height}|${page.map((s) => `${s.id}:${s.title}`).join('\n')}`}>
        <ol className="led-agenda-list" data-testid="led-agenda-list">
          {page.map((s) => {
            const l = live.get(s.id);
            const planned = l?.plannedStart ?? null;
            // As the phone agenda: the printed time, and beside it the actual (running) or projected
            // start when the minute differs. Done rows keep their printed time only.
            const moved =
              l && (l.status === 'current' || l.status === 'upcoming') ? shiftedStart(l.status === 'current' ? l.actualStart : l.projectedStart, planned) : null;
            const at = planned ?? l?.projectedStart ?? null;
            return (
              <li
                key={s.id}
                className={`led-agenda-row status-${l?.status ?? 'upcoming'}`}
                style={{ height: rowPx, gridTemplateColumns: `${timePx * 3.8}px 1fr` }}
                data-current={l?.status === 'current' || undefined}
              >
                <span className={`led-agenda-time${moved === null ? '' : ' led-agenda-time-moved'}`} style={{ fontSize: timePx }}>
                  {moved === null ? (
                    at === null ? '' : formatClock(at, tz)
                  ) : (
                    <>
                      <s className="led-agenda-planned" aria-label={t('led.agendaPlanned')}>
                        {at === null ? '' : formatClock(at, tz)}
                      </s>
                      <span className="led-agenda-projected" data-testid="led-agenda-projected">
                        {formatClock(moved, tz)}
                      </span>
                    </>
                  )}
                </span>
                <FitText text={s.title} maxPx={rowPx * 0.4} align="start" className="led-agenda-title" />
              </li>
            );
          })}
        </ol>
      </FitGroup>
    </>
  );
}
