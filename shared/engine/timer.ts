import type { Actual } from './run.ts';

export type TimerLevel = 'normal' | 'warning' | 'danger' | 'overtime';

/** Running time excludes pauses; a paused or stopped timer stands still. */
export function elapsedMs(a: Pick<Actual, 'start' | 'end' | 'pausedMs' | 'pausedAt'>, now: number): number {
  const until = a.end ?? a.pausedAt ?? now;
  return Math.max(0, until - a.start - a.pausedMs);
}

/** Remaining = planned duration + added time − running time; negative in overtime. */
export function remainingMs(
  a: Pick<Actual, 'start' | 'end' | 'pausedMs' | 'pausedAt' | 'addedMs'>,
  durationMs: number,
  now: number,
): number {
  return durationMs + a.addedMs - elapsedMs(a, now);
}

export function timerLevel(remaining: number, warningMs: number, dangerMs: number): TimerLevel {
  if (remaining < 0) return 'overtime';
  if (remaining <= dangerMs) return 'danger';
  if (remaining <= warningMs) return 'warning';
  return 'normal';
}
