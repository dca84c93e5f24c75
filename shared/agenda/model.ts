import { lineKey } from '../engine/plan.ts';
import { comparableLateness, shiftedStart as shifted } from '../engine/lateness.ts';
import { deriveStageView, type Phase, type StageView } from '../engine/view.ts';
import type { SegmentKind } from '../model/programme.schema.ts';
import { dateInZone } from '../time-format.ts';
import { findStage } from '../model/stage-id.ts';
import type { AgendaData } from './data.ts';

/** Attendees hear about a delay only once it is worth changing plans for. */
export const DELAY_THRESHOLD_MS = 5 * 60_000;

export type RowStatus = 'past' | 'now' | 'next' | 'upcoming';

export type AgendaRow = {
  id: string;
  title: string;
  performer: string;
  kind: SegmentKind;
  section: string;
  plannedStart: number | null;
  plannedEnd: number | null;
  /** Expected (or, for the running segment, actual) start, only when it differs from the planned one. */
  shiftedStart: number | null;
  status: RowStatus;
  /** 0…1 for the running segment. */
  progress: number | null;
  remainingMs: number | null;
  paused: boolean;
};

/** `all`: every stage of the day on one timeline ("all stages"), `stageId` the tab to go back to. */
export type AgendaSelection = { dayId: string; stageId: string; all?: boolean };

export type AgendaModel = AgendaSelection & {
  timeZone: string;
  /** Id of the event day that is today in the event's zone, if any. */
  todayId: string | null;
  /** The stage's live state applies to the chosen day (the MC is running it). */
  live: boolean;
  phase: Phase | null;
  rows: AgendaRow[];
  /** Set when the stage runs late by at least the threshold. */
  lateMs: number | null;
  ended: boolean;
};

export function todayOf(data: AgendaData, now: number): string | null {
  const today = dateInZone(now, data.event.timeZone);
  return data.event.days.find((d) => d.date === today)?.id ?? null;
}

/** Today while the event is on; otherwise the day being run, the next day to come, or the last one. */
export function defaultSelection(data: AgendaData, now: number, want: Partial<AgendaSelection> = {}): AgendaSelection {
  // `?stage=` by id or by name, as on every view.
  const wanted = want.stageId === undefined ? undefined : findStage(data.event.stages, want.stageId);
  const stageId = wanted?.id ?? data.event.stages[0]?.id ?? '';
  const all = want.all === true && data.event.stages.length > 1 ? { all: true } : {};
  const days = data.event.days;
  if (want.dayId !== undefined && days.some((d) => d.id === want.dayId)) return { dayId: want.dayId, stageId, ...all };
  const today = dateInZone(now, data.event.timeZone);
  const running = liveView(data, stageId, now);
  const liveDay = running && running.phase !== 'ended' ? running.dayId : null;
  const dayId =
    todayOf(data, now) ??
    liveDay ??
    days.find((d) => d.date > today)?.id ??
    days.at(-1)?.id ??
    '';
  return { dayId, stageId, ...all };
}

/** Now and next at the event on this stage: today's day, or the day being run, whatever day is browsed. */
export function summaryModel(data: AgendaData, stageId: string, now: number): AgendaModel {
  return buildAgenda(data, defaultSelection(data, now, { stageId }), now);
}

/** The `?stage=` a link names that is no stage of this event (by id or name), or null. */
export function unknownStage(data: AgendaData, asked: string | null | undefined): string | null {
  return asked && !findStage(data.event.stages, asked) ? asked : null;
}

export function buildAgenda(data: AgendaData, sel: AgendaSelection, now: number): AgendaModel {
  const line = data.plan.lines[lineKey(sel.dayId, sel.stageId)] ?? [];
  const info = new Map(data.segments.map((s) => [s.id, s]));
  const todayId = todayOf(data, now);
  const view = liveView(data, sel.stageId, now, sel.dayId);
  const rows: AgendaRow[] = [];
  line.forEach((l, i) => {
    const s = info.get(l.id);
    if (!s) return;
    const base = {
      id: s.id,
      title: s.title,
      performer: s.performer,
      kind: s.kind,
      section: s.section,
      plannedStart: l.planned.start,
      plannedEnd: l.planned.end,
    };
    rows.push({ ...base, ...(view ? liveRow(view, i, l.planned.start) : clockRow(l.planned, now)) });
  });
  if (!view && sel.dayId === todayId) {
    const next = rows.find((r) => r.status === 'upcoming');
    if (next) next.status = 'next';
  }
  const phase = view?.phase ?? null;
  // Beyond the engine's ceiling the day runs on another date than printed: not "late".
  const late = comparableLateness(view?.aheadBehindMs ?? null);
  return {
    dayId: sel.dayId,
    stageId: sel.stageId,
    ...(sel.all ? { all: true } : {}),
    timeZone: data.event.timeZone,
    todayId,
    live: view !== null,
    phase,
    rows,
    lateMs: late !== null && late >= DELAY_THRESHOLD_MS ? late : null,
    // "Today's programme has ended" only about today; an earlier day is simply shown as past.
    ended: phase === 'ended' || (!view && sel.dayId === todayId && rows.length > 0 && rows.every((r) => r.status === 'past')),
  };
}

/**
 * The stage's state re-derived at `now` with the shared engine, when it concerns the chosen day
 * and the MC has started it. Before the first Start nothing is known beyond the plan.
 */
function liveView(data: AgendaData, stageId: string, now: number, dayId?: string): StageView | null {
  const state = data.runStates[stageId];
  if (!state || state.run.cursorId === null || (dayId !== undefined && state.run.dayId !== dayId)) return null;
  if (state.programmeRevision !== data.revision) return null;
  return deriveStageView(data.plan, stageId, state.run, now);
}

type LiveFields = Pick<AgendaRow, 'shiftedStart' | 'status' | 'progress' | 'remainingMs' | 'paused'>;

function liveRow(v: StageView, i: number, plannedStart: number | null): LiveFields {
  const seg = v.segments[i];
  const still = { progress: null, remainingMs: null, paused: false };
  if (!seg) return { shiftedStart: null, status: 'upcoming', ...still };
  if (seg.status === 'current' && v.timer) {
    const total = v.timer.durationMs + v.timer.addedMs;
    const remaining = v.remainingMs ?? total;
    return {
      shiftedStart: shifted(seg.actualStart, plannedStart),
      status: 'now',
      progress: total > 0 ? clamp((total - remaining) / total) : 1,
      remainingMs: remaining,
      paused: v.timer.pausedAt !== null,
    };
  }
  if (seg.status === 'done' || seg.status === 'skipped') return { shiftedStart: null, status: 'past', ...still };
  return {
    shiftedStart: shifted(seg.projectedStart, plannedStart),
    status: seg.id === v.nextId ? 'next' : 'upcoming',
    ...still,
  };
}

function clockRow(p: { start: number | null; end: number | null }, now: number): LiveFields {
  const over = p.end !== null && p.end <= now;
  return { shiftedStart: null, status: over ? 'past' : 'upcoming', progress: null, remainingMs: null, paused: false };
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));
