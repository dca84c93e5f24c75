import { useEffect, useRef, useState } from 'react';
import type { PlanLine } from '../../../shared/engine/plan.ts';
import type { SegmentLive } from '../../../shared/engine/view.ts';
import type { Command } from '../../../shared/model/action.schema.ts';
import type { Segment } from '../../../shared/model/programme.schema.ts';
import { useT } from '../../i18n/lang.ts';
import { formatClock } from '../../../shared/time-format.ts';
import { rundownRows } from './rundown.ts';

type Props = {
  /** Live rows when the list shows the running day; null for another day (planned times only). */
  live: SegmentLive[] | null;
  lines: PlanLine[];
  segments: ReadonlyMap<string, Segment>;
  timeZone: string;
  press: (c: Command) => Promise<boolean>;
  /** The programme's doubts (contradictions in the plan document), by segment. */
  warnings?: ReadonlyMap<string, string[]>;
};

/** The day's list: planned, projected and actual times; "Go to" asks once more before it jumps (running day only). */
export function McRundown({ live, lines, segments, timeZone, press, warnings }: Props) {
  const t = useT();
  const [confirming, setConfirming] = useState<string | null>(null);
  const currentRef = useRef<HTMLLIElement | null>(null);
  const rows = rundownRows(live, lines);
  const currentId = rows.find((r) => r.status === 'current')?.id ?? null;
  const clock = (ms: number | null) => (ms === null ? '—' : formatClock(ms, timeZone));

  useEffect(() => {
    currentRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [currentId]);

  return (
    <section className="mc-rundown">
      <div className="mc-rundown-head" aria-hidden="true">
        <span>{t('mc.list.planned')}</span>
        <span>{t('mc.list.projected')}</span>
        <span>{t('mc.list.actual')}</span>
        <span>{t('mc.list.segment')}</span>
      </div>
      <ol className="mc-rundown-list">
        {rows.map((r) => {
          const seg = segments.get(r.id);
          const title = seg?.title ?? r.id;
          return (
            <li
              key={r.id}
              ref={r.status === 'current' ? currentRef : undefined}
              className={`mc-rrow mc-rrow-${r.status}`}
              data-testid={`mc-row-${r.id}`}
              data-status={r.status}
            >
              <span className="mc-time">
                {clock(r.plannedStart)}
                {r.fixed ? <span className="mc-fixed" title={t('mc.list.fixed')} aria-label={t('mc.list.fixed')}>
                    ●
                  </span> : null}
              </span>
              <span className={`mc-time mc-delta-${r.tone}`}>{r.status === 'upcoming' || r.status === 'current' ? clock(r.projectedStart) : ''}</span>
              <span className="mc-time">
                {r.actualStart === null ? '' : `${clock(r.actualStart)}${r.actualEnd === null ? '' : `–${clock(r.actualEnd)}`}`}
              </span>
              <span className="mc-rrow-main">
                <span className="mc-rrow-title">
                  {title}
                  {seg?.performer ? <small>{seg.performer}</small> : null}
                </span>
                {warnings?.get(r.id)?.map((w) => (
                  <small key={w} className="mc-rrow-warning" data-testid={`mc-warning-${r.id}`}>
                    ⚠ {w}
                  </small>
                ))}
              </span>
              {/* Another day's rows offer no jump: starting that day is its own, confirmed action. */}
              {r.status === 'current' || live === null ? null : confirming === r.id ? (
                <span className="mc-confirm" role="group" aria-label={t('mc.goto.confirm', { title })}>
                  <button
                    type="button"
                    className="mc-btn mc-btn-go"
                    onClick={() => {
                      setConfirming(null);
                      void press({ type: 'goto', segmentId: r.id });
                    }}
                  >
                    {t('mc.confirm')}
                  </button>
                  <button type="button" className="mc-btn" onClick={() => setConfirming(null)}>
                    {t('mc.cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" className="mc-btn mc-goto" aria-label={`${t('mc.goto')}: ${title}`} onClick={() => setConfirming(r.id)}>
                  {t('mc.goto')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
