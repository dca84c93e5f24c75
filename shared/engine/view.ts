import type { Plan, PlanLine } from './plan.ts';
import { defaultDay, lineOf, runningActual, type StageMessage, type StageRun } from './run.ts';
import { remainingMs } from './timer.ts';

export type Phase = 'idle' | 'running' | 'paused' | 'overtime' | 'gap' | 'ended';
export type SegmentStatus = 'done' | 'current' | 'upcoming' | 'skipped';

export type SegmentLive = {
  id: string;
  status: SegmentStatus;
  plannedStart: number | null;
  /** Only for the running and upcoming segments. */
  projectedStart: number | null;
  projectedEnd: number | null;
  actualStart: number | null;
  actualEnd: number | null;
  /** Actual (or projected) start minus planned start; positive means late. */
  deltaMs: number | null;
};

export type TimerState = {
  segmentId: string;
  startedAt: number;
  pausedAt: number | null;
  pausedMs: number;
  addedMs: number;
  durationMs: number;
  warningMs: number;
  dangerMs: number;
};

export type StageView = {
  stageId: string;
  dayId: string | null;
  phase: Phase;
  currentId: string | null;
  nextId: string | null;
  timer: TimerState | null;
  /** At `now`; negative in overtime; null without a running segment. */
  remainingMs: number | null;
  /** What the stage counts down to when nothing runs (show start, next segment after a gap). */
  countdownTo: number | null;
  /** Positive: the show runs late by this much. Null when the plan gives no anchor. */
  aheadBehindMs: number | null;
  /** Fixed-time segments projected to start after their printed time. */
  fixedLate: { segmentId: string; lateMs: number }[];
  segments: SegmentLive[];
  message: StageMessage | null;
};

/** Everything a screen shows about one stage, as a pure function of plan, log fold and clock. */
export function deriveStageView(plan: Plan, stageId: string, run: StageRun, now: number): StageView {
  // Before anything starts, show the day a bare Start would open.
  const dayId = run.dayId ?? defaultDay(plan, stageId, now);
  const line = lineOf(plan, dayId, stageId);
  const cursor = run.cursorId === null ? -1 : line.findIndex((l) => l.id === run.cursorId);
  const running = cursor >= 0 ? runningActual(run) : null;
  const cur = running ? line[cursor] : undefined;

  const remaining = running && cur ? remainingMs(running, cur.durationMs, now) : null;
  const firstUpcoming = cursor + 1; // idle: cursor is -1, so 0
  // After a stop the stage waits for the next segment's planned time; once running, only fixed times hold.
  let t = remaining === null ? now : now + Math.max(0, remaining);

  const segments: SegmentLive[] = line.map((l, i): SegmentLive => {
    const a = run.actuals[l.id];
    const base = {
      id: l.id,
      plannedStart: l.planned.start,
      actualStart: a?.start ?? null,
      actualEnd: a?.end ?? null,
    };
    if (i < firstUpcoming) {
      const isCurrent = i === cursor && running !== null;
      const status: SegmentStatus = isCurrent ? 'current' : a ? 'done' : 'skipped';
      return {
        ...base,
        status,
        projectedStart: isCurrent ? (a?.start ?? null) : null,
        projectedEnd: isCurrent ? t : null,
        deltaMs: a && l.planned.start !== null ? a.start - l.planned.start : null,
      };
    }
    const floor = i === firstUpcoming && !running ? l.planned.start : l.planned.notBefore;
    const start = Math.max(t, floor ?? Number.NEGATIVE_INFINITY);
    t = start + l.durationMs;
    return {
      ...base,
      status: 'upcoming',
      projectedStart: start,
      projectedEnd: t,
      deltaMs: l.planned.start === null ? null : start - l.planned.start,
    };
  });

  const next = line[cursor + 1] ?? null;
  const phase = phaseOf(run, cursor, running, remaining, next);
  const nextLive = next ? segments[cursor + 1] : undefined;
  return {
    stageId,
    dayId,
    phase,
    currentId: running && cur ? cur.id : null,
    nextId: next?.id ?? null,
    timer: running && cur ? timerOf(cur, running) : null,
    remainingMs: remaining,
    countdownTo: !running && nextLive ? nextLive.projectedStart : null,
    aheadBehindMs: aheadBehind(segments, line, cursor, running !== null),
    fixedLate: segments
      .filter((s, i) => s.status === 'upcoming' && line[i]?.planned.notBefore !== null && s.deltaMs !== null && s.deltaMs > 0)
      .map((s) => ({ segmentId: s.id, lateMs: s.deltaMs ?? 0 })),
    segments,
    message: run.message,
  };
}

function phaseOf(
  run: StageRun,
  cursor: number,
  running: ReturnType<typeof runningActual>,
  remaining: number | null,
  next: PlanLine | null,
): Phase {
  if (run.cursorId === null || cursor < 0) return 'idle';
  if (running) {
    if (running.pausedAt !== null) return 'paused';
    return remaining !== null && remaining < 0 ? 'overtime' : 'running';
  }
  return next ? 'gap' : 'ended';
}

function timerOf(l: PlanLine, a: NonNullable<ReturnType<typeof runningActual>>): TimerState {
  return {
    segmentId: l.id,
    startedAt: a.start,
    pausedAt: a.pausedAt,
    pausedMs: a.pausedMs,
    addedMs: a.addedMs,
    durationMs: l.durationMs,
    warningMs: l.warningMs,
    dangerMs: l.dangerMs,
  };
}

function aheadBehind(segments: SegmentLive[], line: PlanLine[], cursor: number, running: boolean): number | null {
  const plannedEnd = line[cursor]?.planned.end ?? null;
  if (running) {
    const c = segments[cursor];
    return c && c.projectedEnd !== null && plannedEnd !== null ? c.projectedEnd - plannedEnd : null;
  }
  const next = segments[cursor + 1];
  if (next) return next.deltaMs;
  const last = segments[cursor];
  return last && last.actualEnd !== null && plannedEnd !== null ? last.actualEnd - plannedEnd : null;
}
