import type { Programme, Segment } from '../../../shared/model/programme.schema.ts';
import type { Plan } from '../../../shared/engine/plan.ts';
import { formatClock } from '../../../shared/time-format.ts';
import type { T } from '../../i18n/lang.ts';
import { addSegment, duplicateSegment, lineSegments, moveBefore, moveSegment, positionOf, removeSegment, updateSegment } from './editing.ts';
import { SegmentRow } from './SegmentRow.tsx';
import type { Held, Toast } from './useEditor.ts';
import { lineIssues } from './validate.ts';

type Props = {
  t: T;
  programme: Programme;
  plan: Plan | null;
  dayId: string;
  stageId: string;
  runningId: string | null;
  commit: (next: Programme, opts?: { undoable?: boolean; toast?: Toast }) => Promise<void>;
  /** Where a row reports a typed value it could not save (see useEditor's `hold`). */
  hold?: (segmentId: string, held: Held | null) => void;
};

export function ProgrammeTab({ t, programme, plan, dayId, stageId, runningId, commit, hold }: Props) {
  const line = lineSegments(programme, dayId, stageId);
  const issues = lineIssues(programme, dayId, stageId);
  const planned = new Map((plan?.lines[`${dayId}/${stageId}`] ?? []).map((l) => [l.id, l.planned.start]));
  const tz = programme.event.timeZone;
  const projected = (s: Segment) => {
    const at = planned.get(s.id);
    return s.plannedStart === null && at != null ? formatClock(at, tz) : null;
  };
  const focusRow = (id: string) => {
    const el = document.querySelector<HTMLElement>(`[data-segment-id="${id}"] input`);
    el?.focus();
  };
  const move = (s: Segment, delta: number) => {
    const next = moveSegment(programme, s.id, delta);
    if (next === programme) return;
    void commit(next, { toast: { key: 'edit.moved', params: { title: s.title, pos: positionOf(next, s.id) }, undo: true } }).then(() => {
      document.querySelector<HTMLElement>(`[data-segment-id="${s.id}"] .seg-handle`)?.focus();
    });
  };

  return (
    <div className="programme-tab">
      <section className="issues" aria-labelledby="issues-title">
        <h2 id="issues-title">{issues.length ? t('edit.issues.title', { count: issues.length }) : t('edit.issues.none')}</h2>
        {issues.length ? (
          <ul>
            {issues.map((i, n) => (
              <li key={n} className={i.severity}>
                <button type="button" className="link" onClick={() => focusRow(i.segmentId)}>
                  {i.title}
                </button>
                : {t(i.problem.key, i.problem.params)}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {line.length === 0 ? <p className="empty">{t('edit.empty')}</p> : null}
      {line.length > 0 ? (
        <div className="seg-head" aria-hidden="true">
          <span />
          <span>{t('edit.col.order')}</span>
          <span className="seg-head-time">
            <span>{t('edit.col.start')}</span>
            <span className="seg-head-fixed">{t('edit.col.fixed')}</span>
            <span>{t('edit.col.end')}</span>
          </span>
          <span>{t('edit.col.duration')}</span>
          <span>{t('edit.col.title')}</span>
          <span>{t('edit.col.performer')}</span>
          <span>{t('edit.col.kind')}</span>
          <span>{t('edit.col.actions')}</span>
        </div>
      ) : null}
      <ol className="seg-list" aria-label={t('edit.tab.programme')}>
        {line.map((s, i) => [
          s.section !== '' && s.section !== line[i - 1]?.section ? (
            <li key={`section-${s.id}`} className="seg-section" aria-hidden="true">
              {s.section}
            </li>
          ) : null,
          <SegmentRow
            key={s.id}
            seg={s}
            index={i}
            count={line.length}
            t={t}
            projected={projected(s)}
            running={s.id === runningId}
            issues={issues.filter((x) => x.segmentId === s.id)}
            onPatch={(patch) => void commit(updateSegment(programme, s.id, patch))}
            onMove={(d) => move(s, d)}
            onDropBefore={(dragged) => {
              const title = programme.segments.find((x) => x.id === dragged)?.title ?? '';
              const next = moveBefore(programme, dragged, s.id, dayId, stageId);
              void commit(next, { toast: { key: 'edit.moved', params: { title, pos: positionOf(next, dragged) }, undo: true } });
            }}
            onDuplicate={() => void commit(duplicateSegment(programme, s.id).programme)}
            onDelete={() => void commit(removeSegment(programme, s.id), { toast: { key: 'edit.deleted', params: { title: s.title }, undo: true } })}
            onHeld={(p) => hold?.(s.id, p ? { title: s.title, ...p } : null)}
          />,
        ])}
      </ol>
      <button
        type="button"
        className="primary add"
        onClick={() => {
          const { programme: next, id } = addSegment(programme, dayId, stageId, t('edit.newSegment'));
          void commit(next).then(() => {
            const input = document.querySelector<HTMLTextAreaElement>(`[data-segment-id="${id}"] .seg-title textarea`);
            input?.focus();
            input?.select();
          });
        }}
      >
        + {t('edit.add')}
      </button>
    </div>
  );
}
