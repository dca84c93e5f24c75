import { DEFAULT_DANGER_SEC, DEFAULT_WARNING_SEC, type Programme, type Segment } from '../../../shared/model/programme.schema.ts';
import { slug, uniqueId } from '../../../shared/import/apply.ts';

/** Pure edits of the programme; each returns a new programme, so undo is keeping the old one. */

const inLine = (s: Segment, dayId: string, stageId: string) => s.dayId === dayId && s.stageId === stageId;

export function lineSegments(p: Programme, dayId: string, stageId: string): Segment[] {
  return p.segments.filter((s) => inLine(s, dayId, stageId));
}

function freshId(p: Programme, dayId: string, title: string): string {
  return uniqueId(`${dayId}-${slug(title)}`, new Set(p.segments.map((s) => s.id)));
}

export function addSegment(p: Programme, dayId: string, stageId: string, title: string, afterId?: string): { programme: Programme; id: string } {
  const id = freshId(p, dayId, title);
  const seg: Segment = {
    id,
    dayId,
    stageId,
    plannedStart: null,
    plannedEnd: null,
    fixedStart: false,
    durationMin: 10,
    title,
    performer: '',
    kind: 'other',
    section: afterId ? (p.segments.find((s) => s.id === afterId)?.section ?? '') : (lineSegments(p, dayId, stageId).at(-1)?.section ?? ''),
    notes: '',
    warningSec: DEFAULT_WARNING_SEC,
    dangerSec: DEFAULT_DANGER_SEC,
  };
  const segments = [...p.segments];
  const at = afterId ? segments.findIndex((s) => s.id === afterId) + 1 : lastIndexOfLine(segments, dayId, stageId) + 1;
  segments.splice(at > 0 ? at : segments.length, 0, seg);
  return { programme: { ...p, segments }, id };
}

function lastIndexOfLine(segments: Segment[], dayId: string, stageId: string): number {
  for (let i = segments.length - 1; i >= 0; i--) if (inLine(segments[i] as Segment, dayId, stageId)) return i;
  return segments.length - 1;
}

export function updateSegment(p: Programme, id: string, patch: Partial<Omit<Segment, 'id'>>): Programme {
  return { ...p, segments: p.segments.map((s) => (s.id === id ? { ...s, ...patch } : s)) };
}

export function duplicateSegment(p: Programme, id: string): { programme: Programme; id: string } {
  const i = p.segments.findIndex((s) => s.id === id);
  const src = p.segments[i];
  if (!src) return { programme: p, id };
  const copy = { ...src, id: freshId(p, src.dayId, src.title) };
  const segments = [...p.segments];
  segments.splice(i + 1, 0, copy);
  return { programme: { ...p, segments }, id: copy.id };
}

export function removeSegment(p: Programme, id: string): Programme {
  return { ...p, segments: p.segments.filter((s) => s.id !== id) };
}

/** Moves a segment by `delta` places within its own day and stage; other lines keep their order. */
export function moveSegment(p: Programme, id: string, delta: number): Programme {
  const seg = p.segments.find((s) => s.id === id);
  if (!seg) return p;
  const line = lineSegments(p, seg.dayId, seg.stageId);
  const from = line.findIndex((s) => s.id === id);
  const to = Math.max(0, Math.min(line.length - 1, from + delta));
  if (to === from) return p;
  const target = line[to] as Segment;
  return moveBefore(p, id, delta > 0 ? (line[to + 1]?.id ?? null) : target.id, seg.dayId, seg.stageId);
}

/** Puts `id` before `beforeId` (null: at the end of its line), as a drop does. */
export function moveBefore(p: Programme, id: string, beforeId: string | null, dayId: string, stageId: string): Programme {
  const seg = p.segments.find((s) => s.id === id);
  if (!seg || id === beforeId) return p;
  const rest = p.segments.filter((s) => s.id !== id);
  let at = beforeId === null ? lastIndexOfLine(rest, dayId, stageId) + 1 : rest.findIndex((s) => s.id === beforeId);
  if (at < 0) at = rest.length;
  rest.splice(at, 0, seg);
  return { ...p, segments: rest };
}

export function positionOf(p: Programme, id: string): number {
  const seg = p.segments.find((s) => s.id === id);
  return seg ? lineSegments(p, seg.dayId, seg.stageId).findIndex((s) => s.id === id) + 1 : 0;
}
