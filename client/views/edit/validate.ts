import type { MessageKey, Params } from '../../../shared/i18n/index.ts';
import type { Event, Programme, Segment } from '../../../shared/model/programme.schema.ts';
import { programmeWarnings } from '../../../shared/model/warnings.ts';

export type Problem = { key: MessageKey; params?: Params };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "8:30", "8h30", "0830" → "08:30"; "" → null; anything else is left for the error message. */
export function normaliseTime(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{1,2})\s*[:hg.]?\s*(\d{2})?$/i.exec(t);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return undefined;
  const out = `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
  return HHMM.test(out) ? out : undefined;
}

/** Problems that keep a field from being saved, keyed by field. */
export function segmentFieldProblems(s: Pick<Segment, 'title' | 'durationMin' | 'fixedStart' | 'plannedStart'>): Partial<Record<'title' | 'durationMin' | 'fixedStart', Problem>> {
  const out: Partial<Record<'title' | 'durationMin' | 'fixedStart', Problem>> = {};
  if (s.title.trim() === '') out.title = { key: 'edit.invalid.title_empty' };
  if (!Number.isFinite(s.durationMin) || s.durationMin <= 0) out.durationMin = { key: 'edit.invalid.duration' };
  if (s.fixedStart && s.plannedStart === null) out.fixedStart = { key: 'edit.invalid.fixed_needs_start' };
  return out;
}

export function durationProblem(text: string): Problem | null {
  const n = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 1440 ? { key: 'edit.invalid.duration' } : null;
}

export function timeProblem(text: string): Problem | null {
  return normaliseTime(text) === undefined ? { key: 'edit.invalid.time' } : null;
}

export function eventProblems(e: Event): { field: string; problem: Problem }[] {
  const out: { field: string; problem: Problem }[] = [];
  if (e.title.trim() === '') out.push({ field: 'title', problem: { key: 'edit.invalid.event_title' } });
  try {
    new Intl.DateTimeFormat('en', { timeZone: e.timeZone });
  } catch {
    out.push({ field: 'timeZone', problem: { key: 'edit.invalid.time_zone' } });
  }
  const seen = new Set<string>();
  e.days.forEach((d, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date) || Number.isNaN(Date.parse(`${d.date}T00:00:00Z`)))
      out.push({ field: `days.${i}.date`, problem: { key: 'edit.invalid.date' } });
    else if (seen.has(d.date)) out.push({ field: `days.${i}.date`, problem: { key: 'edit.invalid.date_duplicate', params: { date: d.date } } });
    seen.add(d.date);
  });
  const ids = new Set<string>();
  e.stages.forEach((s, i) => {
    if (s.name.trim() === '') out.push({ field: `stages.${i}.name`, problem: { key: 'edit.invalid.name' } });
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(s.id)) out.push({ field: `stages.${i}.id`, problem: { key: 'edit.invalid.stage_id' } });
    else if (ids.has(s.id)) out.push({ field: `stages.${i}.id`, problem: { key: 'edit.invalid.stage_id_taken' } });
    ids.add(s.id);
  });
  return out;
}

/** Segments that would be orphaned by removing a day or a stage. */
export function segmentsOn(segments: Segment[], where: { dayId?: string; stageId?: string }): number {
  return segments.filter((s) => (where.dayId === undefined || s.dayId === where.dayId) && (where.stageId === undefined || s.stageId === where.stageId)).length;
}

export type Issue = { segmentId: string; title: string; severity: 'notice' | 'warning'; problem: Problem };

/** The programme's contradictions for one day and stage, in the user's language via message keys. */
export function lineIssues(p: Programme, dayId: string, stageId: string): Issue[] {
  const titles = new Map(p.segments.map((s) => [s.id, s.title]));
  return programmeWarnings(p)
    .filter((w) => w.dayId === dayId && w.stageId === stageId)
    .map((w) => ({
      segmentId: w.segmentId,
      title: titles.get(w.segmentId) ?? w.segmentId,
      severity: w.severity,
      problem: { key: `warning.${w.code}` as MessageKey, params: w.params },
    }));
}
