import { describe, expect, it } from 'vitest';
import { ActionRefused, applyCommand, emptyRun, type StageRun } from '../../shared/engine/run.ts';
import type { Command } from '../../shared/model/action.schema.ts';
import { at, makePlan, MIN } from '../support/factories.ts';

const plan = makePlan([
  ['15:00', 60],
  ['16:10', 10],
  ['17:00', 15],
  [null, 5],
]);
const apply = (run: StageRun, cmd: Command, t: number) => applyCommand(plan, 'main', run, cmd, t);
const refused = (run: StageRun, cmd: Command, t = at('15:00')) => {
  try {
    apply(run, cmd, t);
  } catch (e) {
    if (e instanceof ActionRefused) return e.code;
    throw e;
  }
  return 'accepted';
};
const started = () => apply(emptyRun(), { type: 'start' }, at('15:02'));

describe('start', () => {
  it('opens the first segment of the first day that is not over, stamped with the server time', () => {
    const run = started();
    expect(run).toMatchObject({ dayId: 'd1', cursorId: 's1' });
    expect(run.actuals.s1).toEqual({ start: at('15:02'), end: null, pausedMs: 0, pausedAt: null, addedMs: 0 });
  });
  it('with a segment id starts that segment, stopping the running one', () => {
    const run = apply(started(), { type: 'start', segmentId: 's3' }, at('15:30'));
    expect(run.cursorId).toBe('s3');
    expect(run.actuals.s1?.end).toBe(at('15:30'));
  });
  it('is refused while a segment runs, so a second Start does nothing', () => {
    expect(refused(started(), { type: 'start' })).toBe('already_running');
  });
  it('refuses an unknown day or segment', () => {
    expect(refused(emptyRun(), { type: 'start', dayId: 'nope' })).toBe('unknown_day');
    expect(refused(emptyRun(), { type: 'start', segmentId: 'nope' })).toBe('unknown_segment');
  });
  it('refuses a day without segments on this stage', () => {
    expect(refused(emptyRun(), { type: 'start', dayId: 'd2' })).toBe('no_segments');
  });
});

describe('next and previous', () => {
  it('next closes the current segment and opens the following one at the same instant', () => {
    const run = apply(started(), { type: 'next' }, at('16:05'));
    expect(run.cursorId).toBe('s2');
    expect(run.actuals.s1?.end).toBe(at('16:05'));
    expect(run.actuals.s2?.start).toBe(at('16:05'));
  });
  it('next before the start is Start', () => {
    expect(apply(emptyRun(), { type: 'next' }, at('15:00')).cursorId).toBe('s1');
  });
  it('next on the last segment ends the day; another next is refused', () => {
    let run = apply(emptyRun(), { type: 'start', segmentId: 's4' }, at('17:20'));
    run = apply(run, { type: 'next' }, at('17:25'));
    expect(run.actuals.s4?.end).toBe(at('17:25'));
    expect(refused(run, { type: 'next' })).toBe('no_next_segment');
  });
  it('previous undoes an accidental next: the earlier segment carries on with its own start', () => {
    let run = apply(started(), { type: 'add-time', ms: MIN }, at('15:10'));
    run = apply(run, { type: 'next' }, at('15:20'));
    run = apply(run, { type: 'previous' }, at('15:20', 5));
    expect(run.cursorId).toBe('s1');
    expect(run.actuals.s1).toMatchObject({ start: at('15:02'), end: null, addedMs: MIN });
    expect(run.actuals.s2).toBeUndefined();
  });
  it('previous from a stop reopens the segment just stopped', () => {
    const stopped = apply(started(), { type: 'end' }, at('15:50'));
    const run = apply(stopped, { type: 'previous' }, at('15:51'));
    expect(run.cursorId).toBe('s1');
    expect(run.actuals.s1?.end).toBeNull();
  });
  it('previous is refused on the first segment and before the start', () => {
    expect(refused(started(), { type: 'previous' })).toBe('no_previous_segment');
    expect(refused(emptyRun(), { type: 'previous' })).toBe('no_previous_segment');
  });
});

describe('pause, resume, add time, end', () => {
  it('pause then resume adds the paused span to pausedMs', () => {
    let run = apply(started(), { type: 'pause' }, at('15:10'));
    expect(run.actuals.s1?.pausedAt).toBe(at('15:10'));
    run = apply(run, { type: 'resume' }, at('15:13'));
    expect(run.actuals.s1).toMatchObject({ pausedAt: null, pausedMs: 3 * MIN });
  });
  it('refuses pause twice, resume when running, and both when nothing runs', () => {
    const paused = apply(started(), { type: 'pause' }, at('15:10'));
    expect(refused(paused, { type: 'pause' })).toBe('already_paused');
    expect(refused(started(), { type: 'resume' })).toBe('not_paused');
    expect(refused(emptyRun(), { type: 'pause' })).toBe('not_running');
  });
  it('add-time accumulates, either way', () => {
    let run = apply(started(), { type: 'add-time', ms: 2 * MIN }, at('15:10'));
    run = apply(run, { type: 'add-time', ms: -MIN }, at('15:11'));
    expect(run.actuals.s1?.addedMs).toBe(MIN);
  });
  it('end while paused closes the pause into pausedMs', () => {
    let run = apply(started(), { type: 'pause' }, at('15:10'));
    run = apply(run, { type: 'end' }, at('15:15'));
    expect(run.actuals.s1).toMatchObject({ end: at('15:15'), pausedAt: null, pausedMs: 5 * MIN });
    expect(run.cursorId).toBe('s1');
  });
  it('after end, start opens the next segment', () => {
    const run = apply(apply(started(), { type: 'end' }, at('15:50')), { type: 'start' }, at('16:10'));
    expect(run.cursorId).toBe('s2');
  });
});

describe('reset-day and messages', () => {
  it('reset-day clears the day back to before the start', () => {
    const run = apply(apply(started(), { type: 'next' }, at('16:00')), { type: 'reset-day' }, at('16:01'));
    expect(run).toMatchObject({ dayId: 'd1', cursorId: null, actuals: {} });
  });
  it('messages show, flash and hide; hiding nothing is refused', () => {
    let run = apply(emptyRun(), { type: 'message', text: 'Còn 2 phút' }, at('15:00'));
    expect(run.message).toEqual({ text: 'Còn 2 phút', visible: true, shownAt: at('15:00'), flashAt: null });
    run = apply(run, { type: 'message-flash' }, at('15:01'));
    expect(run.message?.flashAt).toBe(at('15:01'));
    run = apply(run, { type: 'message-hide' }, at('15:02'));
    expect(run.message?.visible).toBe(false);
    expect(refused(run, { type: 'message-hide' })).toBe('no_message');
  });
  it('a refused command leaves the run untouched', () => {
    const run = started();
    const copy = structuredClone(run);
    expect(refused(run, { type: 'resume' })).toBe('not_paused');
    expect(run).toEqual(copy);
  });
});

describe('previous after other segments ran in between', () => {
  it('starts the earlier segment again from now rather than stretching it over them', () => {
    let run = apply(emptyRun(), { type: 'start', segmentId: 's2' }, at('16:10'));
    run = apply(run, { type: 'goto', segmentId: 's4' }, at('16:20'));
    run = apply(run, { type: 'goto', segmentId: 's3' }, at('16:25'));
    run = apply(run, { type: 'previous' }, at('16:30'));
    expect(run.cursorId).toBe('s2');
    expect(run.actuals.s2).toMatchObject({ start: at('16:30'), end: null });
  });
});
