import type { Phase } from '../engine/view.ts';
import type { AgendaData } from './data.ts';
import { buildAgenda, todayOf, type AgendaRow } from './model.ts';

/** One stage as the "all stages" view sums it up: where, whether it runs, what is on, how late. */
export type StageLine = {
  stageId: string;
  name: string;
  venue: string;
  live: boolean;
  phase: Phase | null;
  ended: boolean;
  /** Late by at least the agenda's threshold, else null. */
  lateMs: number | null;
  now: AgendaRow | null;
  next: AgendaRow | null;
};

export type AllStagesRow = AgendaRow & { stageId: string };

export type AllStagesModel = {
  dayId: string;
  timeZone: string;
  todayId: string | null;
  stages: StageLine[];
  /** Every stage's segments of the day on one timeline, by expected start. */
  rows: AllStagesRow[];
};

/**
 * The day on every stage at once. Each stage is derived exactly as its own tab (buildAgenda), so
 * the two views never disagree; rows are merged by their expected start (the projected or actual
 * one when it moved), a row with no time keeping its place after the one before it on its stage.
 */
export function buildAllStages(data: AgendaData, dayId: string, now: number): AllStagesModel {
  const perStage = data.event.stages.map((s) => ({ stage: s, model: buildAgenda(data, { dayId, stageId: s.id }, now) }));
  const keyed = perStage.flatMap(({ stage, model }, si) => {
    let last = Number.NEGATIVE_INFINITY;
    return model.rows.map((r, i) => {
      const key = r.shiftedStart ?? r.plannedStart ?? last;
      last = key;
      return { row: { ...r, stageId: stage.id }, key, si, i };
    });
  });
  keyed.sort((a, b) => a.key - b.key || a.si - b.si || a.i - b.i);
  return {
    dayId,
    timeZone: data.event.timeZone,
    todayId: todayOf(data, now),
    stages: perStage.map(({ stage, model }) => ({
      stageId: stage.id,
      name: stage.name,
      venue: stage.venue,
      live: model.live,
      phase: model.phase,
      ended: model.ended,
      lateMs: model.lateMs,
      now: model.rows.find((r) => r.status === 'now') ?? null,
      next: model.rows.find((r) => r.status === 'next') ?? null,
    })),
    rows: keyed.map((k) => k.row),
  };
}
