import type { LogEntry } from '../model/action.schema.ts';
import type { Programme } from '../model/programme.schema.ts';
import { lineKey, type Plan } from '../engine/plan.ts';
import type { StageRun } from '../engine/run.ts';
import { replay } from '../engine/replay.ts';
import { elapsedMs } from '../engine/timer.ts';

export type ReportStatus = 'done' | 'running' | 'skipped' | 'not_run';

export type ReportRow = {
  segmentId: string;
  title: string;
  performer: string;
  section: string;
  notes: string;
  status: ReportStatus;
  /** Epoch ms; null where the plan gives no anchor. */
  plannedStart: number | null;
  plannedDurationMs: number;
  actualStart: number | null;
  actualEnd: number | null;
  /** Running time, pauses excluded (what the stage timer counted). */
  actualDurationMs: number | null;
  pausedMs: number;
  addedMs: number;
  /** Positive: started late. */
  startDiffMs: number | null;
  /** Positive: ran over the planned duration. */
  durationDiffMs: number | null;
};

/** Where the day stands: never started, started and not over (the stage is still on it), or over. */
export type DayState = 'not_run' | 'running' | 'ended';

export type DayReport = {
  dayId: string;
  date: string;
  label: string;
  stageId: string;
  stageName: string;
  state: DayState;
  rows: ReportRow[];
  totals: {
    plannedMs: number;
    /** Sum of running times of the segments that ran. */
    actualMs: number;
    /** Sum of (actual − planned) over the segments that ran; positive = over; null when none ran. */
    overUnderMs: number | null;
    /** One count per status: done + running + skipped + notRun is the number of rows. */
    done: number;
    running: number;
    skipped: number;
    notRun: number;
    /** Last actual end − planned end of that segment: how late the day finished; null until it has. */
    endDiffMs: number | null;
  };
  /** Up to three segments that ran furthest over their planned duration. */
  longestOver: { segmentId: string; title: string; overMs: number }[];
};

export type StageReport = {
  stageId: string;
  days: DayReport[];
  /** Log entries the current programme no longer accepts (it was edited after the show). */
  replayIssues: { version: number; at: number; code: string }[];
};

/** Planned against actual for every day of one stage, from the programme, its plan and the stage's action log. */
export function stageReport(
  programme: Programme,
  plan: Plan,
  stageId: string,
  log: readonly LogEntry[],
  now: number,
  /**
   * The run the server stored with the last action. When given, the actual times come from it: a
   * programme edited mid-show (a segment inserted, reordered) cannot rewrite what already happened,
   * as a fold of the log against today's programme could.
   */
  stored?: StageRun,
): StageReport {
  const issues: StageReport['replayIssues'] = [];
  const folded = replay(plan, stageId, log, (e, code) => issues.push({ version: e.version, at: e.at, code }));
  const run = stored ?? folded;
  const segs = new Map(programme.segments.map((s) => [s.id, s]));
  const stageName = programme.event.stages.find((s) => s.id === stageId)?.name ?? stageId;
  const days: DayReport[] = [];
  for (const day of programme.event.days) {
    const line = plan.lines[lineKey(day.id, stageId)] ?? [];
    if (line.length === 0) continue;
    const lastRan = line.reduce((acc, l, i) => (run.actuals[l.id] ? i : acc), -1);
    const rows = line.map((l, i): ReportRow => {
      const s = segs.get(l.id);
      const a = run.actuals[l.id];
      const actualDurationMs = a ? elapsedMs(a, now) : null;
      return {
        segmentId: l.id,
        title: s?.title ?? l.id,
        performer: s?.performer ?? '',
        section: s?.section ?? '',
        notes: s?.notes ?? '',
        status: a ? (a.end === null ? 'running' : 'done') : i < lastRan ? 'skipped' : 'not_run',
        plannedStart: l.planned.start,
        plannedDurationMs: l.durationMs,
        actualStart: a?.start ?? null,
        actualEnd: a?.end ?? null,
        actualDurationMs,
        pausedMs: a ? a.pausedMs + (a.pausedAt !== null && a.end === null ? now - a.pausedAt : 0) : 0,
        addedMs: a?.addedMs ?? 0,
        startDiffMs: a && l.planned.start !== null ? a.start - l.planned.start : null,
        durationDiffMs: actualDurationMs === null ? null : actualDurationMs - l.durationMs,
      };
    });
    const ran = rows.filter((r) => r.actualDurationMs !== null);
    const last = [...rows].reverse().find((r) => r.actualEnd !== null);
    const lastPlanned = last ? line.find((l) => l.id === last.segmentId)?.planned.end : null;
    const state = dayState(rows);
    days.push({
      dayId: day.id,
      date: day.date,
      label: day.label,
      stageId,
      stageName,
      state,
      rows,
      totals: {
        plannedMs: rows.reduce((t, r) => t + r.plannedDurationMs, 0),
        actualMs: ran.reduce((t, r) => t + (r.actualDurationMs ?? 0), 0),
        overUnderMs: ran.length === 0 ? null : ran.reduce((t, r) => t + (r.durationDiffMs ?? 0), 0),
        done: rows.filter((r) => r.status === 'done').length,
        running: rows.filter((r) => r.status === 'running').length,
        skipped: rows.filter((r) => r.status === 'skipped').length,
        notRun: rows.filter((r) => r.status === 'not_run').length,
        endDiffMs: state === 'ended' && last?.actualEnd != null && lastPlanned != null ? last.actualEnd - lastPlanned : null,
      },
      longestOver: ran
        .filter((r) => (r.durationDiffMs ?? 0) > 0)
        .sort((a, b) => (b.durationDiffMs ?? 0) - (a.durationDiffMs ?? 0))
        .slice(0, 3)
        .map((r) => ({ segmentId: r.segmentId, title: r.title, overMs: r.durationDiffMs ?? 0 })),
    });
  }
  return { stageId, days, replayIssues: issues };
}

/**
 * A day is running while one of its segments runs (paused or in overtime included). Once nothing
 * runs, what the log holds is what happened: the day has ended, even if the MC stopped before its
 * last segment (those count as not run).
 */
function dayState(rows: readonly ReportRow[]): DayState {
  if (rows.some((r) => r.status === 'running')) return 'running';
  return rows.some((r) => r.actualStart !== null) ? 'ended' : 'not_run';
}
