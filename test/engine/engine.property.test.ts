import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, LogEntry } from '../../shared/model/action.schema.ts';
import { ActionRefused, applyCommand, dayRun, emptyRun, type StageRun } from '../../shared/engine/run.ts';
import { replay } from '../../shared/engine/replay.ts';
import { deriveStageView } from '../../shared/engine/view.ts';
import { at, makePlan, MIN } from '../support/factories.ts';

const plan = makePlan([
  ['08:30', 120],
  ['15:00', 60],
  ['16:10', 10],
  ['17:00', 15],
  ['17:15', 5],
  [null, 10],
  ['19:00', 60],
  [null, 30],
]);
const ids = plan.lines['d1/main']!.map((l) => l.id);

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constant<Command>({ type: 'start' }),
  fc.constantFrom(...ids).map<Command>((segmentId) => ({ type: 'start', segmentId })),
  fc.constant<Command>({ type: 'next' }),
  fc.constant<Command>({ type: 'next' }),
  fc.constant<Command>({ type: 'previous' }),
  fc.constantFrom(...ids, 'missing').map<Command>((segmentId) => ({ type: 'goto', segmentId })),
  fc.constant<Command>({ type: 'pause' }),
  fc.constant<Command>({ type: 'resume' }),
  fc.integer({ min: -10, max: 10 }).filter((m) => m !== 0).map<Command>((m) => ({ type: 'add-time', ms: m * MIN })),
  fc.constant<Command>({ type: 'end' }),
  fc.constant<Command>({ type: 'reset-day' }),
  fc.constant<Command>({ type: 'message', text: 'Còn 2 phút' }),
  fc.constant<Command>({ type: 'message-flash' }),
);
/** Commands with the gap (ms) before each; the clock only moves forward. */
const script = fc.array(fc.tuple(command, fc.integer({ min: 0, max: 90 * MIN })), { minLength: 1, maxLength: 40 });

type Run = { run: StageRun; log: LogEntry[]; now: number };
function play(steps: [Command, number][]): Run {
  let run = emptyRun();
  let now = at('08:00');
  const log: LogEntry[] = [];
  for (const [cmd, gap] of steps) {
    now += gap;
    try {
      run = applyCommand(plan, 'main', run, cmd, now);
      log.push({ version: log.length + 1, stageId: 'main', at: now, command: cmd, actor: 'test' });
    } catch (e) {
      if (!(e instanceof ActionRefused)) throw e;
    }
  }
  return { run, log, now };
}

const RUNS = { numRuns: 400 };

function noOverlap(steps: [Command, number][]): void {
  const { run, now } = play(steps);
  const spans = Object.values(run.actuals)
    .map((a) => [a.start, a.end ?? now] as const)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
  expect(Object.values(run.actuals).filter((a) => a.end === null).length).toBeLessThanOrEqual(1);
}

/**
 * Counterexamples fast-check found, each kept twice: its shrunk value among the property's
 * `examples` (checked on every run), and its seed and path, which replay the very run that found
 * it. Add each new one here with the failure's printed seed, path and counterexample.
 */
const PREVIOUS_OVER_OTHERS = {
  // "previous" reopened the earlier segment as if never stopped, stretching it over the segments
  // that ran in between (fixed in 9a7c5e7: it now starts again from now). Seed and path found by
  // `actual segments never overlap` against the engine before that fix.
  seed: -1061479312,
  path: '112:1:1:0:2:4:4:7:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:6:7',
  counterexample: [
    [{ type: 'goto', segmentId: 's7' }, 0],
    [{ type: 'start', segmentId: 's1' }, 0],
    [{ type: 'goto', segmentId: 's8' }, 1],
    [{ type: 'previous' }, 0],
  ] satisfies [Command, number][] as [Command, number][],
};

describe('timing engine properties', () => {
  it('actual segments never overlap', () => {
    fc.assert(fc.property(script, noOverlap), { ...RUNS, examples: [[PREVIOUS_OVER_OTHERS.counterexample]] });
  });

  it('projected starts never decrease along the programme and never precede a fixed time', () => {
    fc.assert(
      fc.property(script, fc.integer({ min: 0, max: 3 * 60 * MIN }), (steps, later) => {
        const { run, now } = play(steps);
        const v = deriveStageView(plan, 'main', run, now + later);
        const upcoming = v.segments.filter((s) => s.status === 'upcoming');
        for (let i = 1; i < upcoming.length; i++) {
          expect(upcoming[i]!.projectedStart!).toBeGreaterThanOrEqual(upcoming[i - 1]!.projectedEnd!);
        }
        const lines = new Map(plan.lines['d1/main']!.map((l) => [l.id, l]));
        for (const s of upcoming) {
          const notBefore = lines.get(s.id)!.planned.notBefore;
          if (notBefore !== null) expect(s.projectedStart!).toBeGreaterThanOrEqual(notBefore);
          expect(s.projectedStart!).toBeGreaterThanOrEqual(now + later);
        }
      }),
      RUNS,
    );
  });

  it('replaying the stored log reproduces the identical state', () => {
    fc.assert(
      fc.property(script, (steps) => {
        const { run, log } = play(steps);
        // What the store keeps is JSON; the replay of the parsed log must land on the same run.
        const stored = JSON.parse(JSON.stringify(log)) as LogEntry[];
        expect(replay(plan, 'main', stored)).toEqual(run);
      }),
      RUNS,
    );
  });

  it('a client deriving from the run state it was sent agrees with the server at any later instant', () => {
    fc.assert(
      fc.property(script, fc.integer({ min: 0, max: 2 * 60 * MIN }), (steps, later) => {
        const { run, now } = play(steps);
        // What goes on the wire: the day's part of the run, as JSON.
        const sent = JSON.parse(JSON.stringify(dayRun(plan, 'main', run))) as StageRun;
        const client = deriveStageView(plan, 'main', sent, now + later);
        expect(client).toEqual(deriveStageView(plan, 'main', run, now + later));
      }),
      RUNS,
    );
  });

  it('while running and not paused, remaining time falls exactly as the clock advances', () => {
    fc.assert(
      fc.property(script, fc.integer({ min: 1, max: 60 * MIN }), (steps, dt) => {
        const { run, now } = play(steps);
        const a = deriveStageView(plan, 'main', run, now);
        const b = deriveStageView(plan, 'main', run, now + dt);
        if (a.timer && a.timer.pausedAt === null) expect(b.remainingMs).toBe(a.remainingMs! - dt);
        else expect(b.remainingMs).toBe(a.remainingMs);
      }),
      RUNS,
    );
  });
});

describe('fast-check counterexamples, replayed from their seeds', () => {
  it('previous after others ran in between does not stretch the earlier segment over them (seed -1061479312)', () => {
    const { seed, path } = PREVIOUS_OVER_OTHERS;
    fc.assert(fc.property(script, noOverlap), { seed, path, endOnFailure: true });
  });
});
