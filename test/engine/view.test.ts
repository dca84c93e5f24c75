import { describe, expect, it } from 'vitest';
import { applyCommand, dayRun, emptyRun, type StageRun } from '../../shared/engine/run.ts';
import { deriveStageView } from '../../shared/engine/view.ts';
import type { Command } from '../../shared/model/action.schema.ts';
import { at, makePlan, MIN } from '../support/factories.ts';

// 15:00 quiz (60) · 16:10 awards (10) · gap · 17:00 opening music (15) · untimed 5 · untimed 10
const plan = makePlan([
  ['15:00', 60],
  ['16:10', 10],
  ['17:00', 15],
  [null, 5],
  [null, 10],
]);
const view = (run: StageRun, now: number) => deriveStageView(plan, 'main', run, now);
const steps = (...list: [Command, number][]) =>
  list.reduce((run, [cmd, t]) => applyCommand(plan, 'main', run, cmd, t), emptyRun());
const seg = (v: ReturnType<typeof view>, id: string) => v.segments.find((s) => s.id === id)!;

describe('before the start', () => {
  it('projects the plan and counts down to the first planned start', () => {
    const v = view(emptyRun(), at('14:30'));
    expect(v.phase).toBe('idle');
    expect(v.nextId).toBe('s1');
    expect(v.countdownTo).toBe(at('15:00'));
    expect(seg(v, 's1').projectedStart).toBe(at('15:00'));
    expect(seg(v, 's4').projectedStart).toBe(at('17:15'));
    expect(v.aheadBehindMs).toBe(0);
  });
  it('once the planned start has passed, the show is late by the wait', () => {
    const v = view(emptyRun(), at('15:07'));
    expect(seg(v, 's1').projectedStart).toBe(at('15:07'));
    expect(v.aheadBehindMs).toBe(7 * MIN);
  });
});

describe('while running', () => {
  it('chains segments from the projected end of the current one', () => {
    const v = view(steps([{ type: 'start' }, at('15:06')]), at('15:10'));
    expect(v.phase).toBe('running');
    expect(v.remainingMs).toBe(56 * MIN);
    expect(seg(v, 's1').projectedEnd).toBe(at('16:06'));
    expect(v.aheadBehindMs).toBe(6 * MIN);
  });
  it('a fixed-time segment never starts before its printed time, whatever runs early', () => {
    const v = view(steps([{ type: 'start' }, at('15:00')], [{ type: 'add-time', ms: -30 * MIN }, at('15:01')]), at('15:02'));
    expect(seg(v, 's1').projectedEnd).toBe(at('15:30'));
    expect(seg(v, 's2').projectedStart).toBe(at('16:10'));
    expect(seg(v, 's3').projectedStart).toBe(at('17:00'));
    expect(v.aheadBehindMs).toBe(-30 * MIN);
  });
  it('an untimed segment follows the one before it', () => {
    const v = view(steps([{ type: 'start', segmentId: 's3' }, at('17:04')]), at('17:04'));
    expect(seg(v, 's4').projectedStart).toBe(at('17:19'));
    expect(seg(v, 's5').projectedStart).toBe(at('17:24'));
    expect(seg(v, 's4').deltaMs).toBe(4 * MIN);
  });
  it('says when a fixed-time segment is projected late, and by how much', () => {
    // The 15:00 quiz starts 12 minutes late with 10 minutes added: ends 16:22, awards 16:22–16:32, 17:00 still holds.
    const v = view(steps([{ type: 'start' }, at('15:12')], [{ type: 'add-time', ms: 10 * MIN }, at('15:30')]), at('15:31'));
    expect(v.fixedLate).toEqual([{ segmentId: 's2', lateMs: 12 * MIN }]);
    // 40 minutes added: awards 16:52–17:02, so the 17:00 opening itself is reported 2 minutes late.
    const later = view(steps([{ type: 'start' }, at('15:12')], [{ type: 'add-time', ms: 40 * MIN }, at('15:30')]), at('15:31'));
    expect(later.fixedLate.map((f) => f.segmentId)).toEqual(['s2', 's3']);
    expect(later.fixedLate[1]?.lateMs).toBe(2 * MIN);
  });
  it('pauses hold the countdown and push the projection', () => {
    const run = steps([{ type: 'start' }, at('15:00')], [{ type: 'pause' }, at('15:20')]);
    const v = view(run, at('15:50'));
    expect(v.phase).toBe('paused');
    expect(v.remainingMs).toBe(40 * MIN);
    expect(seg(v, 's1').projectedEnd).toBe(at('16:30'));
    const resumed = view(applyCommand(plan, 'main', run, { type: 'resume' }, at('15:50')), at('16:00'));
    expect(resumed.remainingMs).toBe(30 * MIN);
  });
  it('in overtime the remaining time is negative and the projection moves with the clock', () => {
    const run = steps([{ type: 'start', segmentId: 's2' }, at('16:10')]);
    const v = view(run, at('16:23'));
    expect(v.phase).toBe('overtime');
    expect(v.remainingMs).toBe(-3 * MIN);
    expect(seg(v, 's2').projectedEnd).toBe(at('16:23'));
    expect(v.aheadBehindMs).toBe(3 * MIN);
  });
});

describe('after a stop', () => {
  it('a gap counts down to the next fixed-time segment', () => {
    const v = view(steps([{ type: 'start', segmentId: 's2' }, at('16:10')], [{ type: 'end' }, at('16:20')]), at('16:30'));
    expect(v.phase).toBe('gap');
    expect(v.currentId).toBeNull();
    expect(v.nextId).toBe('s3');
    expect(v.countdownTo).toBe(at('17:00'));
    expect(v.aheadBehindMs).toBe(0);
  });
  it('after the last segment the day has ended, with the final offset', () => {
    const v = view(steps([{ type: 'start', segmentId: 's5' }, at('17:20')], [{ type: 'next' }, at('17:33')]), at('17:40'));
    expect(v.phase).toBe('ended');
    expect(v.nextId).toBeNull();
    expect(v.aheadBehindMs).toBe(3 * MIN);
  });
  it('segments jumped over are marked skipped; finished ones keep their actual times', () => {
    const v = view(steps([{ type: 'start' }, at('15:00')], [{ type: 'goto', segmentId: 's3' }, at('16:00')]), at('16:01'));
    expect(seg(v, 's1')).toMatchObject({ status: 'done', actualStart: at('15:00'), actualEnd: at('16:00') });
    expect(seg(v, 's2').status).toBe('skipped');
    expect(seg(v, 's3').status).toBe('current');
  });
});

describe('clients derive the view from the run state they are sent', () => {
  it('gives the same view at any later instant as the server would, without earlier days', () => {
    const runs = [
      emptyRun(),
      steps([{ type: 'start' }, at('15:03')]),
      steps([{ type: 'start' }, at('15:03')], [{ type: 'pause' }, at('15:20')]),
      steps([{ type: 'start' }, at('15:03')], [{ type: 'add-time', ms: 5 * MIN }, at('15:04')], [{ type: 'next' }, at('16:12')]),
      steps([{ type: 'start', segmentId: 's2' }, at('16:10')], [{ type: 'end' }, at('16:20')]),
      steps([{ type: 'start', segmentId: 's5' }, at('17:20')], [{ type: 'next' }, at('17:33')]),
    ];
    for (const run of runs) {
      const sent = JSON.parse(JSON.stringify(dayRun(plan, 'main', run))) as StageRun;
      for (const later of [at('16:00'), at('16:25'), at('17:45')]) {
        expect(deriveStageView(plan, 'main', sent, later)).toEqual(view(run, later));
      }
    }
  });
});

describe('the run state a stage sends', () => {
  // Day 1: s1, s2 · day 2: s3, s4
  const twoDays = makePlan([
    ['15:00', 60],
    [null, 10],
    ['09:00', 30, { dayId: 'd2' }],
    [null, 20, { dayId: 'd2' }],
  ]);
  const DAY2 = 24 * 60 * MIN;
  const run = [
    [{ type: 'start' }, at('15:00')],
    [{ type: 'next' }, at('16:00')],
    [{ type: 'next' }, at('16:10')],
    [{ type: 'start', dayId: 'd2' }, at('09:02') + DAY2],
    [{ type: 'pause' }, at('09:10') + DAY2],
  ].reduce((r, [cmd, t]) => applyCommand(twoDays, 'main', r, cmd as Command, t as number), emptyRun());

  it('leaves out the actuals of other days and derives the same view', () => {
    const sent = dayRun(twoDays, 'main', run);
    expect(Object.keys(run.actuals).sort()).toEqual(['s1', 's2', 's3']);
    expect(Object.keys(sent.actuals)).toEqual(['s3']);
    for (const later of [at('09:11') + DAY2, at('10:30') + DAY2]) {
      expect(deriveStageView(twoDays, 'main', sent, later)).toEqual(deriveStageView(twoDays, 'main', run, later));
    }
  });
});
