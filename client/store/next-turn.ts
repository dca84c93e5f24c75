/** How far ahead one search looks: no key a view draws changes twice, then back, in so short a time. */
export const TURN_WINDOW_MS = 250;

/**
 * The first instant after `from`, in whole milliseconds from it, at which `keyAt` stops returning
 * `key`; `from + TURN_WINDOW_MS` when it does not change within that window. Everything a view keys
 * on (whole seconds of the clock and of countdowns, a flash's half period) only moves forward
 * inside one window, so a bisection finds the turn in about eight calls.
 */
export function nextTurn(keyAt: (t: number) => string, from: number, key: string): number {
  // Steps counted in integers: the clock estimate has fractions of a millisecond, and halving a
  // fractional interval with rounding can land back on its start and never end.
  let lo = 0;
  let hi = TURN_WINDOW_MS;
  if (keyAt(from + hi) === key) return from + hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (keyAt(from + mid) === key) lo = mid;
    else hi = mid;
  }
  return from + hi;
}
