import { comparableLateness } from '../../../shared/engine/lateness.ts';
import type { PlanLine } from '../../../shared/engine/plan.ts';
import type { SegmentLive, SegmentStatus } from '../../../shared/engine/view.ts';

export type RundownRow = {
  id: string;
  status: SegmentStatus;
  plannedStart: number | null;
  projectedStart: number | null;
  actualStart: number | null;
  actualEnd: number | null;
  fixed: boolean;
  /** Colour of the projected time: late by a minute or more, early by a minute or more, or on time. */
  tone: 'late' | 'early' | 'ok';
};

const MIN = 60_000;

/** Rows for the list: live ones from the engine's view, or planned-only ones for a day not running. */
export function rundownRows(live: SegmentLive[] | null, lines: PlanLine[]): RundownRow[] {
  if (live) {
    const fixed = new Set(lines.filter((l) => l.planned.notBefore !== null).map((l) => l.id));
    return live.map((s) => ({
      id: s.id,
      status: s.status,
      plannedStart: s.plannedStart,
      projectedStart: s.projectedStart,
      actualStart: s.actualStart,
      actualEnd: s.actualEnd,
      fixed: fixed.has(s.id),
      tone: s.status === 'upcoming' ? toneOf(comparableLateness(s.deltaMs)) : 'ok',
    }));
  }
  return lines.map((l) => ({
    id: l.id,
    status: 'upcoming',
    plannedStart: l.planned.start,
    projectedStart: null,
    actualStart: null,
    actualEnd: null,
    fixed: l.planned.notBefore !== null,
    tone: 'ok',
  }));
}

const toneOf = (ms: number | null): RundownRow['tone'] => (ms === null ? 'ok' : ms >= MIN ? 'late' : ms <= -MIN ? 'early' : 'ok');
