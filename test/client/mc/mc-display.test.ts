import { describe, expect, it } from 'vitest';
import {
  aheadBehindLabel,
  aheadBehindTone,
  canStartOtherDay,
  defaultDay,
  headerLabel,
  DOUBLE_TAP_MS,
  fixedLateList,
  isRepeatPress,
  lateAmount,
  parseMinutes,
  primaryAction,
} from '../../../client/views/mc/mc-display.ts';
import { rundownRows } from '../../../client/views/mc/rundown.ts';
import type { Phase } from '../../../shared/engine/view.ts';
import { at, MIN, TZ } from '../../support/factories.ts';
import { scenario } from '../stage/views.ts';

describe('ahead/behind line', () => {
  it('says late, early or on time in whole minutes', () => {
    expect(aheadBehindLabel(6 * MIN + 59_000)).toEqual({ key: 'late.behind', params: { min: 6 } });
    expect(aheadBehindLabel(-2 * MIN)).toEqual({ key: 'late.ahead', params: { min: 2 } });
    expect(aheadBehindLabel(59_000)).toEqual({ key: 'late.onTime' });
    expect(aheadBehindLabel(-59_000)).toEqual({ key: 'late.onTime' });
    expect(aheadBehindLabel(null)).toBeNull();
    expect(aheadBehindTone(6 * MIN)).toBe('late');
    expect(aheadBehindTone(-2 * MIN)).toBe('early');
    expect(aheadBehindTone(30_000)).toBe('ok');
  });
  it('switches to hours past an hour', () => {
    expect(aheadBehindLabel(65 * MIN)).toEqual({ key: 'mc.behindLong', params: { h: 1, min: 5 } });
    expect(aheadBehindLabel(-120 * MIN)).toEqual({ key: 'mc.aheadLong', params: { h: 2, min: 0 } });
  });
  it('never calls more than twelve hours "late": the day runs on another date than printed', () => {
    expect(aheadBehindLabel(12 * 60 * MIN)).toEqual({ key: 'mc.behindLong', params: { h: 12, min: 0 } });
    expect(aheadBehindLabel(10395 * 60 * MIN + 56 * MIN)).toEqual({ key: 'mc.offDate' });
    expect(aheadBehindLabel(-13 * 60 * MIN)).toEqual({ key: 'mc.offDate' });
    expect(aheadBehindTone(10395 * 60 * MIN)).toBe('ok');
  });
  it('once the day is over, says it ended and how late or early it finished', () => {
    expect(headerLabel({ phase: 'ended', aheadBehindMs: -(2 * 60 + 44) * MIN })).toEqual({ key: 'mc.endedEarlyLong', params: { h: 2, min: 44 } });
    expect(headerLabel({ phase: 'ended', aheadBehindMs: 12 * MIN })).toEqual({ key: 'mc.endedLate', params: { min: 12 } });
    expect(headerLabel({ phase: 'ended', aheadBehindMs: 20_000 })).toEqual({ key: 'mc.endedOnTime' });
    expect(headerLabel({ phase: 'ended', aheadBehindMs: null })).toEqual({ key: 'mc.dayEnded' });
    expect(headerLabel({ phase: 'running', aheadBehindMs: 12 * MIN })).toEqual({ key: 'late.behind', params: { min: 12 } });
  });
});

describe('fixed-time warning', () => {
  const s = scenario([
    ['17:00', 10, { title: 'Welcome' }],
    ['17:10', 5, { title: 'Opening speech' }],
    ['17:30', 5, { title: 'Ribbon' }],
  ]);
  it('lists fixed segments projected late, earliest first, with how much', () => {
    const view = s.view([[{ type: 'start', dayId: 'd1' }, at('17:03')]], at('17:04'));
    const late = fixedLateList(view);
    expect(late).toEqual([{ segmentId: 's2', lateMs: 3 * MIN, plannedStart: at('17:10') }]);
    expect(lateAmount(3 * MIN)).toEqual({ key: 'mc.minutes', params: { min: 3 } });
    expect(lateAmount(40_000)).toEqual({ key: 'mc.seconds', params: { sec: 40 } });
    expect(lateAmount(125 * MIN)).toEqual({ key: 'mc.hoursMinutes', params: { h: 2, min: 5 } });
  });
  it('is empty when the show keeps time', () => {
    expect(fixedLateList(s.view([[{ type: 'start', dayId: 'd1' }, at('17:00')]], at('17:01')))).toEqual([]);
  });
});

describe('primary button and day', () => {
  it('starts the stage day before the show, goes to the next while it runs or waits: nothing else changes it', () => {
    expect(primaryAction('idle', 'd1')).toEqual({ command: { type: 'start', dayId: 'd1' }, label: 'mc.start' });
    for (const phase of ['running', 'paused', 'overtime', 'gap'] as const) expect(primaryAction(phase, 'd1')).toEqual({ command: { type: 'next' }, label: 'mc.next' });
    expect(primaryAction('ended', 'd1').label).toBe('mc.ended');
  });
  it('lets another day start only once nothing runs on the stage', () => {
    expect(['idle', 'gap', 'ended'].map((p) => canStartOtherDay(p as Phase))).toEqual([true, true, true]);
    expect(['running', 'paused', 'overtime'].map((p) => canStartOtherDay(p as Phase))).toEqual([false, false, false]);
  });
  it("picks today's day while the event is on, the running day once started", () => {
    const days = [
      { id: 'd1', date: '2025-07-11', label: '' },
      { id: 'd2', date: '2025-07-12', label: '' },
    ];
    // 2025-07-12 01:00 in Vietnam is still 2025-07-11 in UTC: the event's zone decides.
    expect(defaultDay(days, 'idle', 'd1', Date.UTC(2025, 6, 11, 18, 0), TZ)).toBe('d2');
    expect(defaultDay(days, 'idle', 'd2', at('09:00'), TZ)).toBe('d1');
    expect(defaultDay(days, 'running', 'd2', at('09:00'), TZ)).toBe('d2');
    expect(defaultDay(days, 'idle', 'd2', Date.UTC(2026, 0, 1), TZ)).toBe('d2');
    expect(defaultDay(days, null, null, Date.UTC(2026, 0, 1), TZ)).toBe('d1');
  });
});

describe('double tap', () => {
  it('treats a second advance or pause toggle within DOUBLE_TAP_MS as a repeat, not other commands', () => {
    const last = { group: 'advance', at: 1000 };
    expect(isRepeatPress(last, 'next', 1000 + DOUBLE_TAP_MS - 1)).toBe(true);
    expect(isRepeatPress(last, 'start', 1200)).toBe(true);
    expect(isRepeatPress(last, 'next', 1000 + DOUBLE_TAP_MS)).toBe(false);
    expect(isRepeatPress(last, 'pause', 1200)).toBe(false);
    expect(isRepeatPress(last, 'add-time', 1200)).toBe(false);
    expect(isRepeatPress({ group: 'toggle', at: 1000 }, 'resume', 1100)).toBe(true);
    expect(isRepeatPress(null, 'next', 1000)).toBe(false);
  });
});

describe('custom minutes', () => {
  it('reads decimals with a point or a comma and refuses zero, junk and more than six hours', () => {
    expect(parseMinutes('2')).toBe(2 * MIN);
    expect(parseMinutes('1,5')).toBe(90_000);
    expect(parseMinutes(' -0.5 ')).toBe(-30_000);
    for (const bad of ['', '0', 'abc', '361', '0.000001']) expect(parseMinutes(bad)).toBeNull();
  });
});

describe('rundown rows', () => {
  const s = scenario([
    ['17:00', 10, { title: 'A' }],
    [null, 10, { title: 'B' }],
    ['17:30', 10, { title: 'C' }],
  ]);
  it('carries planned, projected and actual times and colours late projections', () => {
    const view = s.view([[{ type: 'start', dayId: 'd1' }, at('17:05')]], at('17:06'));
    const rows = rundownRows(view.segments, s.plan.lines['d1/main'] ?? []);
    expect(rows.map((r) => r.status)).toEqual(['current', 'upcoming', 'upcoming']);
    expect(rows[0]).toMatchObject({ plannedStart: at('17:00'), actualStart: at('17:05') });
    expect(rows[1]).toMatchObject({ plannedStart: at('17:10'), projectedStart: at('17:15'), tone: 'late' });
    expect(rows[2]).toMatchObject({ projectedStart: at('17:30'), tone: 'ok', fixed: true });
  });
  it('shows planned times only for a day that is not running', () => {
    const rows = rundownRows(null, s.plan.lines['d1/main'] ?? []);
    expect(rows.map((r) => [r.status, r.projectedStart, r.actualStart])).toEqual([
      ['upcoming', null, null],
      ['upcoming', null, null],
      ['upcoming', null, null],
    ]);
  });
});
