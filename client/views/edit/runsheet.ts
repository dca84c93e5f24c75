import type { Plan } from '../../../shared/engine/plan.ts';
import type { Programme } from '../../../shared/model/programme.schema.ts';
import { formatClock } from '../../../shared/time-format.ts';

export type RunSheetRow =
  | { kind: 'section'; title: string }
  | { kind: 'segment'; id: string; time: string; projected: boolean; durationMin: number; title: string; performer: string; notes: string };
export type RunSheetPage = { dayId: string; date: string; label: string; stageName: string; rows: RunSheetRow[] };

/** One page per day and stage, in running order, with a section line wherever the section changes. */
export function runSheetPages(p: Programme, plan: Plan | null): RunSheetPage[] {
  const pages: RunSheetPage[] = [];
  for (const day of p.event.days) {
    for (const stage of p.event.stages) {
      const segs = p.segments.filter((s) => s.dayId === day.id && s.stageId === stage.id);
      if (segs.length === 0) continue;
      const planned = new Map((plan?.lines[`${day.id}/${stage.id}`] ?? []).map((l) => [l.id, l.planned]));
      const rows: RunSheetRow[] = [];
      let section = '';
      for (const s of segs) {
        if (s.section !== section && s.section !== '') rows.push({ kind: 'section', title: s.section });
        section = s.section;
        const at = planned.get(s.id);
        const printed = s.plannedStart === null ? null : s.plannedEnd ? `${s.plannedStart}–${s.plannedEnd}` : s.plannedStart;
        const time = printed ?? (at?.start != null ? formatClock(at.start, p.event.timeZone) : '');
        rows.push({ kind: 'segment', id: s.id, time, projected: printed === null, durationMin: s.durationMin, title: s.title, performer: s.performer, notes: s.notes });
      }
      pages.push({ dayId: day.id, date: day.date, label: day.label, stageName: stage.name, rows });
    }
  }
  return pages;
}
