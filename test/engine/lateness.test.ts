import { describe, expect, it } from 'vitest';
import { comparableLateness, isOffDate, isToday, LATENESS_CEILING_MS, shiftedStart } from '../../shared/engine/lateness.ts';
import { applyCommand, emptyRun } from '../../shared/engine/run.ts';
import { deriveStageView } from '../../shared/engine/view.ts';
import { at, makePlan, MIN, TZ } from '../support/factories.ts';

const HOUR = 60 * MIN;

describe('comparableLateness', () => {
  it('keeps late and early differences up to twelve hours, either way', () => {
    expect(comparableLateness(6 * MIN)).toBe(6 * MIN);
    expect(comparableLateness(-2 * HOUR)).toBe(-2 * HOUR);
    expect(comparableLateness(LATENESS_CEILING_MS)).toBe(LATENESS_CEILING_MS);
    expect(comparableLateness(-LATENESS_CEILING_MS)).toBe(-LATENESS_CEILING_MS);
    expect(comparableLateness(0)).toBe(0);
  });
  it('drops a difference beyond twelve hours: the day runs on another date, it is not late', () => {
    expect(comparableLateness(LATENESS_CEILING_MS + 1)).toBeNull();
    expect(comparableLateness(-LATENESS_CEILING_MS - 1)).toBeNull();
    expect(comparableLateness(null)).toBeNull();
    expect(isOffDate(10395 * HOUR)).toBe(true);
    expect(isOffDate(5 * MIN)).toBe(false);
    expect(isOffDate(null)).toBe(false);
  });
  it('applies to a day started on a later date than printed, as the engine derives it', () => {
    const plan = makePlan([['17:00', 15], [null, 10]]);
    const run = applyCommand(plan, 'main', emptyRun(), { type: 'start', dayId: 'd1' }, at('17:00') + 400 * 24 * HOUR);
    const view = deriveStageView(plan, 'main', run, at('17:05') + 400 * 24 * HOUR);
    expect(view.aheadBehindMs).toBeGreaterThan(LATENESS_CEILING_MS);
    expect(comparableLateness(view.aheadBehindMs)).toBeNull();
  });
});

describe('isToday', () => {
  it("compares with the calendar date in the event's zone, not the device's", () => {
    // 2025-07-10 23:30 UTC is already 2025-07-11 06:30 in Vietnam.
    expect(isToday('2025-07-11', Date.UTC(2025, 6, 10, 23, 30), TZ)).toBe(true);
    expect(isToday('2025-07-10', Date.UTC(2025, 6, 10, 23, 30), TZ)).toBe(false);
  });
});

describe('shiftedStart', () => {
  it('is the new time only when the minute shown differs', () => {
    expect(shiftedStart(at('17:20'), at('17:00'))).toBe(at('17:20'));
    expect(shiftedStart(at('17:00', 40), at('17:00'))).toBeNull();
    expect(shiftedStart(null, at('17:00'))).toBeNull();
    expect(shiftedStart(at('17:00'), null)).toBeNull();
  });
});
