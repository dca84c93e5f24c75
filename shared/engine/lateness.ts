import { dateInZone } from '../time-format.ts';

/**
 * Beyond this a difference from the printed time is not lateness: the programme is being run on
 * another date than its printed one (a rehearsal, a wrong date). "Chậm 10395 giờ" helps nobody.
 */
export const LATENESS_CEILING_MS = 12 * 60 * 60_000;

/**
 * A difference from the plan (positive: late) as people may be told it, or null when there is
 * none or it lies beyond the ceiling either way. The agenda, the MC console and the report all
 * say "late" or "early" through this one rule.
 */
export function comparableLateness(ms: number | null): number | null {
  return ms !== null && Math.abs(ms) <= LATENESS_CEILING_MS ? ms : null;
}

/** True when a difference exists but is too large to be lateness (the day runs on another date). */
export const isOffDate = (ms: number | null): boolean => ms !== null && comparableLateness(ms) === null;

/** Whether an event day's calendar date is today in the event's time zone. */
export function isToday(date: string, now: number, timeZone: string): boolean {
  return date === dateInZone(now, timeZone);
}

const MINUTE_MS = 60_000;

/**
 * The actual or projected start to show beside the printed one: only when the minute shown
 * differs, since times are shown in whole minutes. Used by the phone agenda and the LED agenda.
 */
export function shiftedStart(actualOrProjected: number | null, planned: number | null): number | null {
  if (actualOrProjected === null || planned === null) return null;
  return Math.floor(actualOrProjected / MINUTE_MS) !== Math.floor(planned / MINUTE_MS) ? actualOrProjected : null;
}
