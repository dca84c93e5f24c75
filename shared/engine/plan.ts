import { DateTime } from 'luxon';
import type { Programme, Segment } from '../model/programme.schema.ts';

/** Planned clock times of one segment, epoch ms; null where the document gives no anchor. */
export type PlannedTimes = {
  start: number | null;
  end: number | null;
  /** Earliest start in any projection; set only for fixed-time segments. */
  notBefore: number | null;
};

/** Segments of one day on one stage, in running order, with their planned times. */
export type PlanLine = {
  id: string;
  durationMs: number;
  warningMs: number;
  dangerMs: number;
  planned: PlannedTimes;
};

/** The programme resolved to epoch ms. Pure data, so clients get it from the server and need no time-zone library. */
export type Plan = {
  timeZone: string;
  /** key: `${dayId}/${stageId}` */
  lines: Record<string, PlanLine[]>;
  dayOrder: string[];
};

export const lineKey = (dayId: string, stageId: string) => `${dayId}/${stageId}`;

export function wallTimeToEpoch(date: string, time: string, timeZone: string): number {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!dt.isValid) throw new Error(`invalid time ${date} ${time} in ${timeZone}`);
  return dt.toMillis();
}

export function resolvePlan(p: Programme): Plan {
  const lines: Record<string, PlanLine[]> = {};
  const dates = new Map(p.event.days.map((d) => [d.id, d.date]));
  const groups = new Map<string, Segment[]>();
  for (const s of p.segments) {
    const key = lineKey(s.dayId, s.stageId);
    const list = groups.get(key) ?? [];
    list.push(s);
    groups.set(key, list);
  }
  for (const [key, segs] of groups) {
    let cursor: number | null = null;
    lines[key] = segs.map((s) => {
      const date = dates.get(s.dayId);
      if (date === undefined) throw new Error(`segment ${s.id}: unknown day ${s.dayId}`);
      const printed = s.plannedStart === null ? null : wallTimeToEpoch(date, s.plannedStart, p.event.timeZone);
      const start = printed ?? cursor;
      const durationMs = Math.round(s.durationMin * 60_000);
      const end = start === null ? null : start + durationMs;
      cursor = end;
      return {
        id: s.id,
        durationMs,
        warningMs: s.warningSec * 1000,
        dangerMs: s.dangerSec * 1000,
        planned: { start, end, notBefore: s.fixedStart ? printed : null },
      };
    });
  }
  return { timeZone: p.event.timeZone, lines, dayOrder: p.event.days.map((d) => d.id) };
}
