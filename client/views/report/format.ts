import { comparableLateness, isOffDate } from '../../../shared/engine/lateness.ts';
import type { MessageKey, Params } from '../../../shared/i18n/index.ts';
import { duration } from '../../../shared/report/report-csv.ts';

export type Phrase = { key: MessageKey; params?: Params };

/**
 * "muộn 1:00" / "sớm 0:30" / "đúng giờ"; differences under 30 s count as on time. Past the
 * engine's lateness ceiling the day ran on another date than planned, and the report says so
 * rather than "muộn 10395:56:00".
 */
export function startPhrase(raw: number | null): Phrase | null {
  if (isOffDate(raw)) return { key: 'report.offDate' };
  const ms = comparableLateness(raw);
  if (ms === null) return null;
  if (Math.abs(ms) < 30_000) return { key: 'report.onTime' };
  return { key: ms > 0 ? 'report.late' : 'report.early', params: { d: duration(ms) } };
}

export function durationPhrase(ms: number | null): Phrase | null {
  if (ms === null) return null;
  if (Math.abs(ms) < 30_000) return { key: 'report.onTime' };
  return { key: ms > 0 ? 'report.over' : 'report.under', params: { d: duration(ms) } };
}

/** A class for colouring: late/over red, early/under blue, near zero plain. */
export function diffClass(ms: number | null): string {
  if (ms === null || isOffDate(ms) || Math.abs(ms) < 30_000) return '';
  return ms > 0 ? 'over' : 'under';
}

export { duration };
