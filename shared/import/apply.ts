import { DEFAULT_DANGER_SEC, DEFAULT_WARNING_SEC, Programme, type Day, type Segment } from '../model/programme.schema.ts';
import { programmeWarnings, type ProgrammeWarning } from '../model/warnings.ts';
import type { ImportSource } from './index.ts';
import type { ParsedSegment } from './types.ts';

/** replace-day: the imported days' segments on the stage replace what was there; append: added after. */
export type ImportMode = 'replace-day' | 'append' | 'replace-all';

export type ApplyOptions = {
  mode: ImportMode;
  stageId?: string | undefined;
  /** Where rows without a day header go (default: the first day). */
  dayId?: string | undefined;
};

export type PreviewSegment = Segment & { line: number | null };
export type ImportPreview = {
  programme: Programme;
  days: (Day & { isNew: boolean; segmentCount: number })[];
  segments: PreviewSegment[];
  /** Warnings of the imported segments, derived exactly as the saved programme will show them. */
  warnings: ProgrammeWarning[];
};

/** Builds the programme an import would produce; pure, so a dry run and the real import agree. */
export function applyImport(current: Programme, source: ImportSource, opts: ApplyOptions): ImportPreview {
  if (source.kind === 'programme' || opts.mode === 'replace-all') {
    const programme = source.kind === 'programme' ? source.programme : tableAsWholeProgramme(current, source, opts);
    return preview(programme, new Set(programme.segments.map((s) => s.id)), new Set(), new Map());
  }
  const stageId = opts.stageId ?? current.event.stages[0]?.id ?? 'main';
  const days = [...current.event.days];
  const newDays = new Set<string>();
  const dayFor = new Map<string, string>();
  const r = source.result;
  for (const d of r.days) {
    const existing = d.date === null ? undefined : days.find((x) => x.date === d.date);
    if (existing) dayFor.set(d.key, existing.id);
    else if (d.date !== null) {
      const id = uniqueId(`d-${d.date}`, new Set(days.map((x) => x.id)));
      days.push({ id, date: d.date, label: d.label });
      newDays.add(id);
      dayFor.set(d.key, id);
    } else dayFor.set(d.key, opts.dayId ?? days[0]?.id ?? 'd1');
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  const targetDays = new Set(dayFor.values());
  const ids = new Set(current.segments.map((s) => s.id));
  const lineOf = new Map<string, number>();
  const imported = r.segments.map((p) => {
    const dayId = dayFor.get(p.dayKey) ?? opts.dayId ?? days[0]?.id ?? 'd1';
    const seg = toSegment(p, dayId, stageId, ids);
    lineOf.set(seg.id, p.line);
    return seg;
  });
  const kept =
    opts.mode === 'replace-day'
      ? current.segments.filter((s) => !(s.stageId === stageId && targetDays.has(s.dayId)))
      : current.segments;
  // The venue the document names fills the stage's venue line; one the organiser typed stays.
  const stages = current.event.stages.map((s) => (s.id === stageId && s.venue === '' && r.venue ? { ...s, venue: r.venue } : s));
  const programme = Programme.parse({ event: { ...current.event, days, stages }, segments: [...kept, ...imported] });
  return preview(programme, new Set(imported.map((s) => s.id)), newDays, lineOf);
}

/** The table becomes the whole programme: other days and stages are emptied, dated days replace undated ones. */
function tableAsWholeProgramme(current: Programme, source: ImportSource, opts: ApplyOptions): Programme {
  const p = applyImport({ ...current, segments: [] }, source, { ...opts, mode: 'append' }).programme;
  const used = new Set(p.segments.map((s) => s.dayId));
  const days = p.event.days.filter((d) => used.has(d.id));
  return days.length > 0 ? { ...p, event: { ...p.event, days } } : p;
}

function toSegment(p: ParsedSegment, dayId: string, stageId: string, ids: Set<string>): Segment {
  const id = uniqueId(`${dayId}-${slug(p.title)}`, ids);
  ids.add(id);
  return {
    id,
    dayId,
    stageId,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    fixedStart: p.fixedStart,
    durationMin: p.durationMin,
    title: p.title.slice(0, 500),
    performer: p.performer.slice(0, 500),
    kind: p.kind,
    section: p.section.slice(0, 200),
    notes: p.notes.slice(0, 5000),
    warningSec: DEFAULT_WARNING_SEC,
    dangerSec: DEFAULT_DANGER_SEC,
  };
}

function preview(programme: Programme, imported: Set<string>, newDays: Set<string>, lineOf: Map<string, number>): ImportPreview {
  const segments = programme.segments.filter((s) => imported.has(s.id)).map((s) => ({ ...s, line: lineOf.get(s.id) ?? null }));
  const used = new Set(segments.map((s) => s.dayId));
  return {
    programme,
    days: programme.event.days
      .filter((d) => used.has(d.id))
      .map((d) => ({ ...d, isNew: newDays.has(d.id), segmentCount: segments.filter((s) => s.dayId === d.id).length })),
    segments,
    warnings: programmeWarnings(programme).filter((w) => imported.has(w.segmentId)),
  };
}

/** Ids from titles ("d1-phat-bieu-khai-mac") read well in logs and URLs. */
export function slug(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return s === '' ? 'seg' : s;
}

export function uniqueId(base: string, taken: Set<string>): string {
  const b = base.slice(0, 56);
  if (!taken.has(b)) return b;
  for (let i = 2; ; i++) if (!taken.has(`${b}-${i}`)) return `${b}-${i}`;
}
