import type { Phase, StageView } from '../../../shared/engine/view.ts';
import type { Command, CommandType } from '../../../shared/model/action.schema.ts';
import type { Day } from '../../../shared/model/programme.schema.ts';
import { comparableLateness, isOffDate } from '../../../shared/engine/lateness.ts';
import { dateInZone, wholeMinutes } from '../../../shared/time-format.ts';
import type { Label } from '../stage/stage-display.ts';

const MIN = 60_000;

/**
 * The one line at the top: "Chậm 6 phút" / "Sớm 2 phút" / "Đúng giờ"; null when the plan has no
 * anchor. A difference beyond the engine's lateness ceiling is no lateness: the day runs on
 * another date than printed, and the line says that instead of "Chậm 10395 giờ".
 */
export function aheadBehindLabel(raw: number | null): Label | null {
  if (isOffDate(raw)) return { key: 'mc.offDate' };
  const ms = comparableLateness(raw);
  if (ms === null) return null;
  const min = wholeMinutes(ms);
  const abs = Math.abs(min);
  // Past an hour, "Chậm 1 giờ 5 phút" reads at a glance where "Chậm 65 phút" needs arithmetic.
  if (abs >= 60) {
    const params = { h: Math.floor(abs / 60), min: abs % 60 };
    return { key: min > 0 ? 'mc.behindLong' : 'mc.aheadLong', params };
  }
  if (min > 0) return { key: 'late.behind', params: { min } };
  if (min < 0) return { key: 'late.ahead', params: { min: abs } };
  return { key: 'late.onTime' };
}

export function aheadBehindTone(raw: number | null): 'late' | 'early' | 'ok' {
  const ms = comparableLateness(raw);
  return ms === null ? 'ok' : wholeMinutes(ms) > 0 ? 'late' : wholeMinutes(ms) < 0 ? 'early' : 'ok';
}

/**
 * The header line for the stage's state: while the day runs, how far ahead or behind; once its
 * last segment is over, that it ended and how late or early it finished.
 */
export function headerLabel(view: Pick<StageView, 'phase' | 'aheadBehindMs'> | null): Label | null {
  if (!view) return null;
  const line = aheadBehindLabel(view.aheadBehindMs);
  if (view.phase !== 'ended') return line;
  const ms = comparableLateness(view.aheadBehindMs);
  if (ms === null) return { key: 'mc.dayEnded' };
  const min = wholeMinutes(ms);
  const abs = Math.abs(min);
  if (min === 0) return { key: 'mc.endedOnTime' };
  if (abs >= 60) return { key: min > 0 ? 'mc.endedLateLong' : 'mc.endedEarlyLong', params: { h: Math.floor(abs / 60), min: abs % 60 } };
  return { key: min > 0 ? 'mc.endedLate' : 'mc.endedEarly', params: { min: abs } };
}

/** "6 phút", "1 giờ 5 phút" or, under a minute, "40 giây": a fixed time slipping by seconds is still worth saying. */
export function lateAmount(ms: number): Label {
  if (ms < MIN) return { key: 'mc.seconds', params: { sec: Math.max(1, Math.ceil(ms / 1000)) } };
  const min = wholeMinutes(ms);
  if (min < 60) return { key: 'mc.minutes', params: { min } };
  return { key: 'mc.hoursMinutes', params: { h: Math.floor(min / 60), min: min % 60 } };
}

/** Fixed-time segments projected late, earliest first (the one the MC can still save). */
export function fixedLateList(view: Pick<StageView, 'fixedLate' | 'segments'>): { segmentId: string; lateMs: number; plannedStart: number | null }[] {
  const planned = new Map(view.segments.map((s) => [s.id, s.plannedStart]));
  return view.fixedLate
    .filter((f) => comparableLateness(f.lateMs) !== null)
    .map((f) => ({ ...f, plannedStart: planned.get(f.segmentId) ?? null }))
    .sort((a, b) => (a.plannedStart ?? 0) - (b.plannedStart ?? 0));
}

export type PrimaryAction = { command: Command; label: 'mc.start' | 'mc.next' | 'mc.ended' };

/**
 * The big button, from the stage's own state only: the day the MC is looking at never changes
 * what it does. Before the show it starts the stage's day; while the show runs, and in a gap, it
 * moves to the next segment. Starting another day is a separate action (see canStartOtherDay).
 */
export function primaryAction(phase: Phase, viewDayId: string | null): PrimaryAction {
  switch (phase) {
    case 'idle':
      return { command: viewDayId === null ? { type: 'start' } : { type: 'start', dayId: viewDayId }, label: 'mc.start' };
    case 'running':
    case 'paused':
    case 'overtime':
    case 'gap':
      return { command: { type: 'next' }, label: 'mc.next' };
    case 'ended':
      return { command: { type: 'next' }, label: 'mc.ended' };
  }
}

/** Another day can be started once nothing is running on the stage (the engine refuses it otherwise). */
export const canStartOtherDay = (phase: Phase): boolean => phase === 'idle' || phase === 'gap' || phase === 'ended';

/**
 * The day shown when the MC has not picked one: the running day once the show has started,
 * otherwise today's day when the event is on, otherwise the day the server would start.
 */
export function defaultDay(days: readonly Day[], phase: Phase | null, viewDayId: string | null, now: number, timeZone: string): string | null {
  if (phase !== null && phase !== 'idle' && viewDayId !== null) return viewDayId;
  const today = dateInZone(now, timeZone);
  return days.find((d) => d.date === today)?.id ?? viewDayId ?? days[0]?.id ?? null;
}

/** Commands a double tap must not repeat: a second press of the same group is "already done". */
const GROUPS: Partial<Record<CommandType, string>> = {
  start: 'advance',
  next: 'advance',
  previous: 'advance',
  goto: 'advance',
  end: 'advance',
  pause: 'toggle',
  resume: 'toggle',
};
/** The usual double-click threshold: faster than anyone reads a changed screen and decides again. */
export const DOUBLE_TAP_MS = 500;

export type LastPress = { group: string; at: number };

/**
 * A second press within DOUBLE_TAP_MS of an accepted one in the same group. The server already
 * refuses a press sent before the first was answered (same expectedVersion); this covers the
 * second tap that lands just after the answer, which would otherwise carry the new version.
 */
export function isRepeatPress(last: LastPress | null, type: CommandType, at: number): boolean {
  const group = GROUPS[type];
  return group !== undefined && last !== null && last.group === group && at - last.at < DOUBLE_TAP_MS;
}

export const pressGroup = (type: CommandType): string | null => GROUPS[type] ?? null;

/** "2", "1.5" or "0,5" minutes to whole milliseconds; null unless 0 < |minutes| ≤ 360. */
export function parseMinutes(input: string): number | null {
  const n = Number(input.trim().replace(',', '.'));
  if (input.trim() === '' || !Number.isFinite(n) || n === 0 || Math.abs(n) > 360) return null;
  const ms = Math.round(n * MIN);
  return ms === 0 ? null : ms;
}

/** "25/09/2025": an event day's date as the crew reads it (a calendar date, so no zone maths). */
export function calendarDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}/${m}/${y}` : iso;
}
