import type { Actual, StageRun } from './run.ts';
import type { StageView } from './view.ts';

/**
 * Rebuilds the run a view was derived from, so a client can derive the view again at any later
 * instant with the same engine the server uses (countdowns and projections move without messages).
 */
export function runFromView(v: StageView): StageRun {
  const actuals: Record<string, Actual> = {};
  for (const s of v.segments) {
    if (s.actualStart !== null) {
      actuals[s.id] = { start: s.actualStart, end: s.actualEnd, pausedMs: 0, pausedAt: null, addedMs: 0 };
    }
  }
  if (v.timer) {
    actuals[v.timer.segmentId] = {
      start: v.timer.startedAt,
      end: null,
      pausedMs: v.timer.pausedMs,
      pausedAt: v.timer.pausedAt,
      addedMs: v.timer.addedMs,
    };
  }
  return { dayId: v.dayId, cursorId: cursorOf(v), actuals, message: v.message };
}

function cursorOf(v: StageView): string | null {
  if (v.currentId !== null) return v.currentId;
  if (v.phase === 'idle') return null;
  if (v.phase === 'ended') return v.segments.at(-1)?.id ?? null;
  const i = v.segments.findIndex((s) => s.id === v.nextId);
  return i > 0 ? (v.segments[i - 1]?.id ?? null) : null;
}
