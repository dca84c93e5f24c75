import type { Budget } from './table.ts';

/**
 * Token buckets, one per key (a request name): each holds up to `burst` tokens and regains
 * `perSecond` a second. Monotonic clock: a changed wall clock neither refills nor drains them.
 */
export function buckets(clock: () => number = () => performance.now()) {
  const held = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes one token for `key`; false when its budget is spent. */
    take(key: string, budget: Budget): boolean {
      const t = clock();
      const b = held.get(key) ?? { tokens: budget.burst, at: t };
      b.tokens = Math.min(budget.burst, b.tokens + ((t - b.at) / 1000) * budget.perSecond);
      b.at = t;
      held.set(key, b);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
  };
}
export type Buckets = ReturnType<typeof buckets>;

/**
 * A logged-in connection is the crew's (or a script they configured): its budget is this many
 * times a guest's, enough for any console and benchmark, still a bound on a runaway loop.
 */
export const CREW_BUDGET_FACTOR = 20;

/** The budget one caller has for an entry. */
export const budgetOf = (budget: Budget, crew: boolean): Budget =>
  crew ? { perSecond: budget.perSecond * CREW_BUDGET_FACTOR, burst: budget.burst * CREW_BUDGET_FACTOR } : budget;

/** Events no request table knows: a client sending them is broken or probing. */
export const UNKNOWN_EVENT_BUDGET: Budget = { perSecond: 1, burst: 5 };
