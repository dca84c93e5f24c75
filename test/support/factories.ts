import { Programme, type ProgrammeInput, type SegmentInput } from '../../shared/model/programme.schema.ts';
import { resolvePlan, type Plan } from '../../shared/engine/plan.ts';

export const TZ = 'Asia/Ho_Chi_Minh';
export const DAY = '2025-07-11';
/** 2025-07-11 00:00 in Vietnam (UTC+7), epoch ms. */
export const MIDNIGHT = Date.UTC(2025, 6, 10, 17, 0, 0);
export const at = (hhmm: string, sec = 0) =>
  MIDNIGHT + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000 + sec * 1000;
export const MIN = 60_000;

let n = 0;
export function makeSegment(over: Partial<SegmentInput> = {}): SegmentInput {
  n += 1;
  return { id: `s${n}`, dayId: 'd1', stageId: 'main', durationMin: 10, title: `Segment ${n}`, ...over };
}

/** A programme from rows like ['17:00', 15] (fixed at a printed time) or [null, 10] (follows the previous). */
export function makeProgramme(rows: [string | null, number, Partial<SegmentInput>?][], extra: Partial<ProgrammeInput> = {}): Programme {
  return Programme.parse({
    event: {
      title: 'Test event',
      timeZone: TZ,
      days: [
        { id: 'd1', date: DAY },
        { id: 'd2', date: '2025-07-12' },
      ],
      stages: [{ id: 'main', name: 'Main' }],
    },
    segments: rows.map(([start, dur, over], i) =>
      makeSegment({ id: `s${i + 1}`, plannedStart: start, fixedStart: start !== null, durationMin: dur, ...over }),
    ),
    ...extra,
  });
}

export function makePlan(rows: [string | null, number, Partial<SegmentInput>?][]): Plan {
  return resolvePlan(makeProgramme(rows));
}
