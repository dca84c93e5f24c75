import { parseDuration, parseRange } from './time.ts';
import type { RawRow } from './types.ts';

export type Role = 'time' | 'start' | 'end' | 'duration' | 'title' | 'performer' | 'notes' | 'section' | 'kind' | 'index' | 'date' | 'ignored';
export type ColumnMap = Partial<Record<Role, number>>;

/** Header words in both languages; a header cell matches when it equals one, ignoring "(…)". */
const WORDS: [Role, string[]][] = [
  ['index', ['stt', 'tt', '#', 'no', 'no.', 'số tt', 'số thứ tự']],
  ['start', ['bắt đầu', 'giờ bắt đầu', 'start', 'start time', 'begin', 'begins', 'from', 'từ', 'starts']],
  ['end', ['kết thúc', 'giờ kết thúc', 'end', 'end time', 'finish', 'to', 'until', 'đến', 'ends']],
  ['time', ['thời gian', 'time', 'giờ', 'khung giờ', 'time slot', 'timing', 'slot', 'when', 'thời điểm']],
  ['duration', ['thời lượng', 'duration', 'phút', 'mins', 'min', 'minutes', 'length', 'dur', 'số phút', 'thời lượng (phút)']],
  [
    'title',
    ['nội dung', 'session', 'title', 'hoạt động', 'tiết mục', 'item', 'segment', 'activity', 'programme', 'program', 'chương trình', 'nội dung chương trình', 'topic', 'event', 'what', 'agenda', 'description', 'tên tiết mục', 'nội dung hoạt động'],
  ],
  [
    'performer',
    ['thực hiện', 'speaker', 'speakers', 'performer', 'performers', 'người thực hiện', 'presenter', 'presenters', 'by', 'phụ trách', 'đơn vị thực hiện', 'host', 'who', 'chủ trì', 'trình bày', 'responsible', 'người trình bày', 'đơn vị', 'owner', 'lead'],
  ],
  ['notes', ['ghi chú', 'notes', 'note', 'remarks', 'mc notes', 'mc script', 'lời dẫn', 'comments', 'comment', 'kịch bản']],
  ['section', ['section', 'phần', 'part', 'block', 'mục']],
  ['kind', ['kind', 'type', 'loại', 'category']],
  ['date', ['date', 'ngày', 'ngày tháng']],
  // Columns of our own CSV export that carry nothing the importer needs.
  ['ignored', ['day', 'stage', 'fixed', 'sân khấu', 'cố định', 'buổi']],
];

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[:*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function roleOf(cell: string): Role | null {
  const c = norm(cell);
  if (c === '') return null;
  for (const [role, words] of WORDS) if (words.includes(c)) return role;
  return null;
}

/** The column map when `row` is a header row (at least two known headings and a title), else null. */
export function headerMap(row: RawRow): ColumnMap | null {
  const map: ColumnMap = {};
  let known = 0;
  row.cells.forEach((cell, i) => {
    const role = roleOf(cell);
    if (role === 'ignored') known += 1;
    else if (role && map[role] === undefined) {
      map[role] = i;
      known += 1;
    }
  });
  const nonEmpty = row.cells.filter((c) => c.trim() !== '').length;
  if (known < 2 || map.title === undefined || known < nonEmpty - 1) return null;
  if (map.time === undefined && map.start === undefined && map.duration === undefined) return null;
  return map;
}

/** Without a header: the column that mostly holds times, the one of small numbers, then text columns. */
export function inferMap(rows: RawRow[]): ColumnMap {
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const score = (pred: (s: string) => boolean) =>
    Array.from({ length: width }, (_, i) => rows.filter((r) => pred((r.cells[i] ?? '').trim())).length);
  const times = score((s) => parseRange(s) !== null);
  const durs = score((s) => parseRange(s) === null && parseDuration(s) !== null);
  const texts = score((s) => s !== '' && parseRange(s) === null && parseDuration(s) === null);
  const best = (xs: number[], skip: Set<number>) => {
    let at = -1;
    xs.forEach((v, i) => {
      if (!skip.has(i) && v > 0 && (at < 0 || v > (xs[at] ?? 0))) at = i;
    });
    return at;
  };
  const map: ColumnMap = {};
  const used = new Set<number>();
  const t = best(times, used);
  if (t >= 0) {
    map.time = t;
    used.add(t);
  }
  const d = best(durs, used);
  if (d >= 0 && (durs[d] ?? 0) >= rows.length / 4) {
    map.duration = d;
    used.add(d);
  }
  const textCols = Array.from({ length: width }, (_, i) => i).filter((i) => !used.has(i) && (texts[i] ?? 0) > 0);
  const [title, performer, notes] = textCols;
  if (title !== undefined) map.title = title;
  if (performer !== undefined) map.performer = performer;
  if (notes !== undefined) map.notes = notes;
  return map;
}
