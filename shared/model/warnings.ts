import type { Programme, Segment } from './programme.schema.ts';

export type WarningCode =
  | 'range_duration_mismatch'
  | 'range_spans_rows'
  | 'overlap'
  | 'fixed_unreachable'
  | 'no_start_time'
  | 'end_before_start';

/** A doubt about the programme. Never fixed silently: the document's values stay as they are. */
export type ProgrammeWarning = {
  code: WarningCode;
  /** 'notice' is consistent but worth a look; 'warning' is a contradiction the organiser should resolve. */
  severity: 'notice' | 'warning';
  segmentId: string;
  dayId: string;
  stageId: string;
  params: Record<string, string | number>;
};

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const fmt = (min: number) => {
  const m = ((Math.round(min) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export function programmeWarnings(p: Programme): ProgrammeWarning[] {
  const out: ProgrammeWarning[] = [];
  const groups = new Map<string, Segment[]>();
  for (const s of p.segments) {
    const k = `${s.dayId}/${s.stageId}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  for (const segs of groups.values()) {
    let prevEnd: number | null = null;
    segs.forEach((s, i) => {
      const w = (code: WarningCode, severity: ProgrammeWarning['severity'], params: ProgrammeWarning['params']) =>
        out.push({ code, severity, segmentId: s.id, dayId: s.dayId, stageId: s.stageId, params });
      if (i === 0 && s.plannedStart === null) w('no_start_time', 'warning', {});
      const start = s.plannedStart === null ? prevEnd : toMin(s.plannedStart);
      if (s.plannedStart !== null && prevEnd !== null && toMin(s.plannedStart) < prevEnd) {
        w(s.fixedStart ? 'fixed_unreachable' : 'overlap', 'warning', { start: s.plannedStart, prevEnd: fmt(prevEnd) });
      }
      if (s.plannedStart !== null && s.plannedEnd !== null) {
        const range = toMin(s.plannedEnd) - toMin(s.plannedStart);
        if (range <= 0) w('end_before_start', 'warning', { start: s.plannedStart, end: s.plannedEnd });
        else if (range !== s.durationMin) {
          const followers = untimedAfter(segs, i);
          const together = s.durationMin + followers.reduce((sum, f) => sum + f.durationMin, 0);
          const base = { start: s.plannedStart, end: s.plannedEnd, rangeMin: range };
          if (followers.length > 0 && together === range)
            w('range_spans_rows', 'notice', { ...base, rows: followers.length, durationMin: together });
          else w('range_duration_mismatch', 'warning', { ...base, durationMin: s.durationMin });
        }
      }
      prevEnd = start === null ? null : start + s.durationMin;
    });
  }
  return out;
}

function untimedAfter(segs: Segment[], i: number): Segment[] {
  const out: Segment[] = [];
  for (let j = i + 1; j < segs.length && segs[j]?.plannedStart === null; j++) out.push(segs[j] as Segment);
  return out;
}
