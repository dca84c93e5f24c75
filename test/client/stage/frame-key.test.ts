import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/model/action.schema.ts';
import { applyCommand, emptyRun, type StageRun } from '../../../shared/engine/run.ts';
import { deriveStageView, type StageView } from '../../../shared/engine/view.ts';
import { formatClock, formatDuration } from '../../../shared/time-format.ts';
import { stageFrameKey } from '../../../client/views/stage/frame-key.ts';
import { flashOn, gapRemainingMs, isFlashing, timerDisplay } from '../../../client/views/stage/stage-display.ts';
import { aheadBehindLabel, fixedLateList, lateAmount } from '../../../client/views/mc/mc-display.ts';
import { nextTurn, TURN_WINDOW_MS } from '../../../client/store/next-turn.ts';
import { at, makePlan, MIN, TZ } from '../../support/factories.ts';

const plan = makePlan([
  ['17:00', 2, { warningSec: 60, dangerSec: 20 }],
  [null, 1],
  ['17:05', 3],
  [null, 2],
]);

/**
 * Everything /stage, /mc and the LED draw from the clock, as they format it (the date they pick a
 * day by turns with the clock's minute at midnight).
 */
function drawn(view: StageView, now: number): string {
  const timer = timerDisplay(view);
  const gap = gapRemainingMs(view, now);
  const flashAt = view.message?.flashAt ?? null;
  return JSON.stringify([
    view.phase,
    view.currentId,
    view.nextId,
    timer,
    gap === null ? null : formatDuration(gap),
    formatClock(now, TZ),
    flashOn(flashAt, now),
    isFlashing(flashAt, now),
    aheadBehindLabel(view.aheadBehindMs),
    fixedLateList(view).map((f) => lateAmount(f.lateMs)),
    view.segments.map((s) => [s.status, s.projectedStart === null ? null : formatClock(s.projectedStart, TZ)]),
  ]);
}

const command = fc.constantFrom<Command>(
  { type: 'start' },
  { type: 'next' },
  { type: 'pause' },
  { type: 'resume' },
  { type: 'add-time', ms: MIN },
  { type: 'message', text: 'Còn 2 phút' },
  { type: 'message-flash' },
  { type: 'end' },
);
// Commands at any millisecond, so the turns of the countdown and of the clock fall out of step.
const log = fc.array(fc.tuple(command, fc.integer({ min: 0, max: 12 * MIN })), { maxLength: 8 });

function runOf(entries: [Command, number][]): StageRun {
  let run = emptyRun();
  for (const [c, offset] of [...entries].sort((a, b) => a[1] - b[1])) {
    try {
      run = applyCommand(plan, 'main', run, c, at('16:59') + offset);
    } catch {
      // A refused command (Next before Start) changes nothing, as on the server.
    }
  }
  return run;
}

describe('stageFrameKey: a view redraws exactly when what it shows turns', () => {
  it('changes at every millisecond where a drawn second, minute, flash or status changes', () => {
    fc.assert(
      fc.property(log, fc.integer({ min: 0, max: 14 * MIN }), (entries, from) => {
        const run = runOf(entries);
        const t0 = at('16:59') + from;
        let keyBefore = stageFrameKey(deriveStageView(plan, 'main', run, t0), t0);
        let drawnBefore = drawn(deriveStageView(plan, 'main', run, t0), t0);
        let turns = 0;
        for (let t = t0 + 1; t <= t0 + 1000; t++) {
          const view = deriveStageView(plan, 'main', run, t);
          const key = stageFrameKey(view, t);
          const now = drawn(view, t);
          if (now !== drawnBefore) expect(key, `drawn changed at +${t - t0} ms`).not.toBe(keyBefore);
          if (key !== keyBefore) turns += 1;
          keyBefore = key;
          drawnBefore = now;
        }
        // A few turns in a second (the clock's, the countdown's, a flash), not a frame's worth (60).
        expect(turns).toBeLessThanOrEqual(10);
      }),
      { numRuns: 15 },
    );
  });

  it('is the same within a second of a running countdown and differs across its turn', () => {
    const run = runOf([[{ type: 'start' }, 1 * MIN + 300]]); // started at 17:00:00.300
    const key = (t: number) => stageFrameKey(deriveStageView(plan, 'main', run, t), t);
    // The countdown turns at .300 (2:00 reached → "01:50"), the clock's second at .000.
    expect(key(at('17:00', 10) + 301)).toBe(key(at('17:00', 10) + 999));
    expect(key(at('17:00', 10) + 299)).not.toBe(key(at('17:00', 10) + 300));
    expect(key(at('17:00', 10) + 1)).toBe(key(at('17:00', 10) + 299));
    expect(key(at('17:00', 10) + 999)).not.toBe(key(at('17:00', 11)));
  });
});

describe('nextTurn', () => {
  it('finds the first millisecond a key changes within the window, as a scan would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 10_000 }), (phases, from) => {
        // Keys like the views': whole seconds counted from several phases.
        const keyAt = (t: number) => phases.map((p) => Math.floor((t - p) / 1000)).join('|');
        const key = keyAt(from);
        let scan = from + 1;
        while (scan < from + TURN_WINDOW_MS && keyAt(scan) === key) scan += 1;
        expect(nextTurn(keyAt, from, key)).toBe(scan);
      }),
    );
  });

  it('ends and finds the turn from a clock with fractions of a millisecond (the synced offset has them)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.double({ min: 0, max: 10_000, noNaN: true }), (phase, from) => {
        const keyAt = (t: number) => String(Math.floor((t - phase) / 1000));
        const key = keyAt(from);
        const turn = nextTurn(keyAt, from, key);
        expect(turn).toBeGreaterThan(from);
        expect(turn).toBeLessThanOrEqual(from + TURN_WINDOW_MS);
        if (turn < from + TURN_WINDOW_MS) {
          expect(keyAt(turn)).not.toBe(key);
          expect(keyAt(turn - 1)).toBe(key);
        }
      }),
    );
  });

  it('regression: a search from 100.2 that once halved onto 100 for ever', () => {
    const keyAt = (t: number) => String(Math.floor((t - 200) / 1000));
    expect(nextTurn(keyAt, 100.2, keyAt(100.2))).toBeCloseTo(200, 0);
  });
});
