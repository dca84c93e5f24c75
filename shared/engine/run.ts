import type { Command } from '../model/action.schema.ts';
import { lineKey, type Plan, type PlanLine } from './plan.ts';

/** Actual run of one segment. `end === null` while it runs; `pausedAt` set while paused. */
export type Actual = {
  start: number;
  end: number | null;
  pausedMs: number;
  pausedAt: number | null;
  addedMs: number;
};

export type StageMessage = { text: string; visible: boolean; shownAt: number; flashAt: number | null };

/**
 * What the action log of one stage folds into. Everything shown on a screen is derived from this,
 * the plan and a clock, so nothing here is a copy of something else.
 */
export type StageRun = {
  dayId: string | null;
  /** The segment running now, or the one most recently stopped; null before the day starts. */
  cursorId: string | null;
  actuals: Record<string, Actual>;
  message: StageMessage | null;
};

export const REFUSALS = [
  'not_running',
  'already_running',
  'already_paused',
  'not_paused',
  'no_next_segment',
  'no_previous_segment',
  'unknown_segment',
  'unknown_day',
  'day_ended',
  'no_segments',
  'nothing_to_reset',
  'no_message',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export class ActionRefused extends Error {
  constructor(readonly code: Refusal) {
    super(code);
  }
}

export const emptyRun = (): StageRun => ({ dayId: null, cursorId: null, actuals: {}, message: null });

/**
 * The run as it concerns its own day: what a screen needs to derive that day's view (the same
 * view, since deriveStageView reads only the day's line), without the actuals of days before.
 */
export function dayRun(plan: Plan, stageId: string, run: StageRun): StageRun {
  const ids = new Set(lineOf(plan, run.dayId, stageId).map((l) => l.id));
  const actuals: Record<string, Actual> = {};
  for (const [id, a] of Object.entries(run.actuals)) if (ids.has(id)) actuals[id] = a;
  return { ...run, actuals };
}

export function runningActual(run: StageRun): Actual | null {
  if (run.cursorId === null) return null;
  const a = run.actuals[run.cursorId];
  return a !== undefined && a.end === null ? a : null;
}

export function lineOf(plan: Plan, dayId: string | null, stageId: string): PlanLine[] {
  return dayId === null ? [] : (plan.lines[lineKey(dayId, stageId)] ?? []);
}

/** The day a bare "start" opens: the first one not yet over at `at`, else the first day. */
export function defaultDay(plan: Plan, stageId: string, at: number): string | null {
  const withSegments = plan.dayOrder.filter((d) => lineOf(plan, d, stageId).length > 0);
  const open = withSegments.find((d) => {
    const ends = lineOf(plan, d, stageId).map((l) => l.planned.end ?? Number.POSITIVE_INFINITY);
    return Math.max(...ends) >= at;
  });
  return open ?? withSegments[0] ?? null;
}

/**
 * Applies one command at server time `at`. Pure: returns a new run or throws ActionRefused, so a
 * refused command changes nothing.
 */
export function applyCommand(plan: Plan, stageId: string, run: StageRun, cmd: Command, at: number): StageRun {
  const line = lineOf(plan, run.dayId, stageId);
  const cursor = run.cursorId === null ? -1 : line.findIndex((l) => l.id === run.cursorId);
  const running = runningActual(run);

  switch (cmd.type) {
    case 'start': {
      if (cmd.segmentId !== undefined) return startAt(plan, stageId, stopCurrent(run, at), cmd.segmentId, at);
      if (running) throw new ActionRefused('already_running');
      const dayId = cmd.dayId ?? (run.cursorId === null ? (run.dayId ?? defaultDay(plan, stageId, at)) : run.dayId);
      if (dayId === null) throw new ActionRefused('no_segments');
      if (!plan.dayOrder.includes(dayId)) throw new ActionRefused('unknown_day');
      const target = dayId === run.dayId && cursor >= 0 ? line[cursor + 1] : lineOf(plan, dayId, stageId)[0];
      if (target === undefined) throw new ActionRefused(cursor >= 0 ? 'day_ended' : 'no_segments');
      return startAt(plan, stageId, run, target.id, at);
    }
    case 'next': {
      if (run.cursorId === null) return applyCommand(plan, stageId, run, { type: 'start' }, at);
      const target = line[cursor + 1];
      if (target === undefined) {
        if (!running) throw new ActionRefused('no_next_segment');
        return stopCurrent(run, at);
      }
      return startAt(plan, stageId, stopCurrent(run, at), target.id, at);
    }
    case 'previous': {
      if (run.cursorId === null) throw new ActionRefused('no_previous_segment');
      // Without a running segment, "back" reopens the one just stopped.
      const target = running ? line[cursor - 1] : line[cursor];
      if (target === undefined) throw new ActionRefused('no_previous_segment');
      const { [run.cursorId]: _undone, ...rest } = run.actuals;
      const actuals = running ? rest : { ...run.actuals };
      const prev = actuals[target.id];
      // Undo of an accidental Next (or End): when nothing ran in between, the earlier segment carries
      // on as if never stopped. Otherwise it starts again from now.
      const handedOver = prev !== undefined && prev.end !== null && prev.end === (running ? running.start : prev.end);
      actuals[target.id] = handedOver
        ? { ...prev, end: null }
        : { start: at, end: null, pausedMs: 0, pausedAt: null, addedMs: 0 };
      return { ...run, cursorId: target.id, actuals };
    }
    case 'goto':
      return startAt(plan, stageId, stopCurrent(run, at), cmd.segmentId, at);
    case 'pause': {
      if (!running) throw new ActionRefused('not_running');
      if (running.pausedAt !== null) throw new ActionRefused('already_paused');
      return withCurrent(run, { ...running, pausedAt: at });
    }
    case 'resume': {
      if (!running) throw new ActionRefused('not_running');
      if (running.pausedAt === null) throw new ActionRefused('not_paused');
      return withCurrent(run, { ...running, pausedAt: null, pausedMs: running.pausedMs + (at - running.pausedAt) });
    }
    case 'add-time': {
      if (!running) throw new ActionRefused('not_running');
      return withCurrent(run, { ...running, addedMs: running.addedMs + cmd.ms });
    }
    case 'end': {
      if (!running) throw new ActionRefused('not_running');
      return stopCurrent(run, at);
    }
    case 'reset-day': {
      const dayId = cmd.dayId ?? run.dayId;
      if (dayId === null) throw new ActionRefused('nothing_to_reset');
      if (!plan.dayOrder.includes(dayId)) throw new ActionRefused('unknown_day');
      const ids = new Set(lineOf(plan, dayId, stageId).map((l) => l.id));
      const actuals = Object.fromEntries(Object.entries(run.actuals).filter(([id]) => !ids.has(id)));
      // Resetting another day while this one runs leaves the running segment alone.
      if (running && dayId !== run.dayId) return { ...run, actuals };
      return { ...run, actuals, dayId, cursorId: null };
    }
    case 'message':
      return { ...run, message: { text: cmd.text, visible: true, shownAt: at, flashAt: null } };
    case 'message-hide': {
      if (!run.message?.visible) throw new ActionRefused('no_message');
      return { ...run, message: { ...run.message, visible: false } };
    }
    case 'message-flash': {
      if (!run.message?.visible) throw new ActionRefused('no_message');
      return { ...run, message: { ...run.message, flashAt: at } };
    }
    default:
      return assertNever(cmd);
  }
}

function withCurrent(run: StageRun, actual: Actual): StageRun {
  if (run.cursorId === null) return run;
  return { ...run, actuals: { ...run.actuals, [run.cursorId]: actual } };
}

function stopCurrent(run: StageRun, at: number): StageRun {
  const a = runningActual(run);
  if (!a) return run;
  const pausedMs = a.pausedMs + (a.pausedAt === null ? 0 : at - a.pausedAt);
  return withCurrent(run, { ...a, end: at, pausedAt: null, pausedMs });
}

function startAt(plan: Plan, stageId: string, run: StageRun, segmentId: string, at: number): StageRun {
  const dayId = plan.dayOrder.find((d) => lineOf(plan, d, stageId).some((l) => l.id === segmentId));
  if (dayId === undefined) throw new ActionRefused('unknown_segment');
  return {
    ...run,
    dayId,
    cursorId: segmentId,
    actuals: { ...run.actuals, [segmentId]: { start: at, end: null, pausedMs: 0, pausedAt: null, addedMs: 0 } },
  };
}

export function assertNever(x: never): never {
  throw new Error(`unhandled case ${JSON.stringify(x)}`);
}
