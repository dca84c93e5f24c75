import { SEGMENT_KINDS, type SegmentKind } from '../model/programme.schema.ts';
import { cellLine, splitTitle, stripMarkup, tidy } from './cells.ts';
import { headerMap, inferMap, type ColumnMap } from './columns.ts';
import { dayHeader, findDate } from './dates.ts';
import { guessKind } from './kind.ts';
import { isRelativeTime, parseClock, parseDuration, parseRange, rangeMinutes, toMinutes, type TimeRange } from './time.ts';
import type { ImportNote, ParseOptions, ParsedDay, ParsedSegment, ParseResult, RawRow, RowError } from './types.ts';

const SESSION = /^(?:buổi\s+(?:sáng|chiều|tối|trưa)|phiên\s+\S+|(?:morning|afternoon|evening|lunch)(?:\s+session)?|session\s+\d+)\b/i;
const END_MARKER = /^(?:kết\s+thúc|hết|end\s+of|close\s+of\s+day|\.\.\.$)/i;

const isUpper = (s: string) => /\p{L}/u.test(s) && s === s.toUpperCase();

/** A segment still open to a continuation row; raw cells are kept so a split list is rejoined whole. */
type Pending = { seg: ParsedSegment; row: RawRow; needsDuration: boolean; raw: { title: string; performer: string } };

/**
 * Reads a programme table row by row. Values stay as the document prints them: a range that does
 * not match the duration is kept and the programme warnings flag it; an unreadable row is an error.
 */
export function parseRows(rows: RawRow[], opts: ParseOptions & { map?: ColumnMap } = {}): ParseResult {
  const days: ParsedDay[] = [];
  const segments: ParsedSegment[] = [];
  const notes: ImportNote[] = [];
  const errors: RowError[] = [];
  const text = (r: RawRow) => r.cells.map((c) => c.replace(/\s*\n\s*/g, ' ')).join('\t').trim();
  const note = (code: ImportNote['code'], r: RawRow, params: ImportNote['params'] = {}) =>
    notes.push({ code, line: r.line, text: text(r), params });
  const fail = (code: RowError['code'], r: RawRow, params: RowError['params'] = {}) =>
    errors.push({ code, line: r.line, text: text(r), params });

  const year = opts.year ?? documentYear(rows);
  const headerAt = opts.map ? -1 : rows.findIndex((r) => headerMap(r) !== null);
  const map: ColumnMap = opts.map ?? (headerAt >= 0 ? (headerMap(rows[headerAt] as RawRow) as ColumnMap) : inferMap(rows));
  const cell = (r: RawRow, role: keyof ColumnMap) => {
    const i = map[role];
    return i === undefined ? '' : stripMarkup(r.cells[i] ?? '').trim();
  };

  let day: ParsedDay | null = null;
  let section = '';
  // The line that set `section`, until a segment takes it: a heading no segment ever sits under
  // (prose between tables, a list after the last row) is said to be skipped, not dropped silently.
  let heading: RawRow | null = null;
  const headingUnused = () => {
    if (heading) note('ignored_line', heading);
    heading = null;
  };
  let block: TimeRange | null = null;
  let last: Pending | null = null;
  const pendings: Pending[] = [];

  const ensureDay = (): ParsedDay => {
    if (day) return day;
    const fresh: ParsedDay = { key: `day-${days.length + 1}`, date: null, label: '', line: null };
    days.push(fresh);
    day = fresh;
    return fresh;
  };

  rows.forEach((r, index) => {
    const filled = r.cells.map((c, i) => [i, c.trim()] as const).filter(([, c]) => c !== '');
    if (filled.length === 0) return;
    if (headerMap(r) !== null) return;
    const only = filled.length === 1 ? (filled[0] as readonly [number, string]) : null;
    const lone = only ? tidy(only[1]) : null;

    if (lone !== null && END_MARKER.test(lone)) {
      note('ignored_line', r);
      last = null;
      return;
    }
    if (lone !== null && dayHeader(lone)) {
      const date = findDate(lone, year);
      day = { key: `day-${days.length + 1}`, date, label: dayHeader(lone)?.label ?? lone, line: r.line };
      days.push(day);
      if (date === null) note('day_without_date', r);
      headingUnused();
      section = '';
      block = null;
      last = null;
      return;
    }
    if (headerAt >= 0 && index < headerAt) {
      // Title lines or the whole plan's prose above the table: one note, not one per line.
      if (!notes.some((n) => n.code === 'ignored_before_header'))
        note('ignored_before_header', r, { count: rows.slice(0, headerAt).filter((x) => x.cells.some((c) => c.trim() !== '')).length });
      return;
    }

    // A date column (spreadsheets, our CSV export) switches the day row by row.
    const dated = map.date === undefined ? null : findDate(cell(r, 'date'), year);
    if (dated !== null && day?.date !== dated) {
      const known = days.find((d) => d.date === dated);
      if (known) day = known;
      else {
        const fresh: ParsedDay = { key: `day-${days.length + 1}`, date: dated, label: '', line: r.line };
        days.push(fresh);
        day = fresh;
      }
    }

    const printed = cell(r, 'time') || cell(r, 'start');
    const follows = printed !== '' && isRelativeTime(printed) && parseRange(printed) === null;
    if (follows && !(opts.followLines ?? []).includes(r.line)) {
      // The same error as any unreadable time; the preview offers the reading (isRelativeTime).
      fail('unreadable_time', r, { value: printed });
      return;
    }
    if (follows) note('follows_previous', r, { value: printed });
    const timeText = follows ? '' : printed;
    const range = timeText === '' ? null : parseRange(timeText);
    const durText = cell(r, 'duration');
    const duration = durText === '' ? null : parseDuration(durText);

    // A header row that carries a range over the rows under it: "18 giờ 00 - 18 giờ 40 | BẾ MẠC NGÀY HỘI".
    if (range && range.end !== null && filled.length === 2 && cell(r, 'performer') === '' && duration === null) {
      const other = filled.find(([i]) => i !== (map.time ?? map.start))?.[1] ?? '';
      if (isUpper(tidy(other)) || (map.title !== undefined && r.cells[map.title]?.trim() === '')) {
        headingUnused();
        section = tidy(other);
        heading = r;
        block = range;
        last = null;
        return;
      }
    }

    if (lone !== null && only !== null) {
      const col = only[0];
      const inTimeCol = col === (map.time ?? map.start) && range === null;
      if (inTimeCol || isUpper(lone) || SESSION.test(lone) || col === map.section || !last) {
        if (range === null && parseDuration(lone) === null) {
          headingUnused();
          section = lone;
          heading = r;
          block = null;
          last = null;
          return;
        }
      }
    }

    if (range === null && timeText !== '' && !(map.start !== undefined && cell(r, 'start') === '' && parseClock(cell(r, 'end')) !== null)) {
      fail('unreadable_time', r, { value: timeText });
      return;
    }
    if (durText !== '' && duration === null) {
      fail('unreadable_duration', r, { value: durText });
      return;
    }
    if (duration !== null && duration <= 0) {
      fail('zero_duration', r, { value: durText });
      return;
    }

    // A page break splits a cell: the rest arrives as a row with no time and no duration, and a
    // title (if any) that carries on mid-sentence. A new title without either is an error below.
    const titleGoesOn = /^[\p{Ll}\d(,;]/u.test(cell(r, 'title')) || cell(r, 'title') === '';
    if (!follows && range === null && duration === null && block === null && last !== null && titleGoesOn) {
      joinContinuation(last, r, map);
      note('joined_continuation', r, { line: last.row.line });
      return;
    }

    let start = range?.start ?? null;
    let end = range?.end ?? null;
    if (map.end !== undefined && cell(r, 'end') !== '') {
      const e = parseClock(cell(r, 'end'));
      if (e === null) {
        fail('unreadable_time', r, { value: cell(r, 'end') });
        return;
      }
      end = e;
    }
    if (start === null && block !== null) {
      start = block.start;
      end = block.end;
      note('block_range', r, { start: block.start, end: block.end ?? '' });
    }
    block = null;

    const titleCell = map.title === undefined ? '' : (r.cells[map.title] ?? '');
    const { title, notes: listNotes } = splitTitle(titleCell);
    if (title === '') {
      fail('no_title', r);
      return;
    }
    const rangeMin = start !== null && end !== null ? rangeMinutes({ start, end }) : null;
    const seg: ParsedSegment = {
      line: r.line,
      dayKey: ensureDay().key,
      plannedStart: start,
      plannedEnd: end,
      fixedStart: start !== null,
      durationMin: duration ?? rangeMin ?? 0,
      title,
      performer: cellLine(map.performer === undefined ? '' : (r.cells[map.performer] ?? '')),
      kind: kindOf(cell(r, 'kind')) ?? guessKind(title),
      section: cell(r, 'section') !== '' ? tidy(cell(r, 'section')) : section,
      notes: [listNotes, tidy(cell(r, 'notes'))].filter((s) => s !== '').join('\n'),
    };
    segments.push(seg);
    heading = null;
    const raw = { title: titleCell, performer: map.performer === undefined ? '' : (r.cells[map.performer] ?? '') };
    last = { seg, row: r, needsDuration: seg.durationMin === 0, raw };
    pendings.push(last);
  });

  headingUnused();

  // A row with a start but no duration or end runs until the next row's printed start.
  pendings.forEach((p, i) => {
    if (!p.needsDuration) return;
    const next = pendings.slice(i + 1).find((q) => q.seg.dayKey === p.seg.dayKey);
    const from = p.seg.plannedStart;
    const to = next?.seg.plannedStart ?? null;
    if (from !== null && to !== null && toMinutes(to) > toMinutes(from) && next?.seg === pendings[i + 1]?.seg) {
      p.seg.durationMin = toMinutes(to) - toMinutes(from);
      note('duration_from_next_start', p.row, { durationMin: p.seg.durationMin, next: to });
    } else fail('no_duration', p.row);
  });

  if (segments.length === 0 && errors.length === 0) {
    // Said once for the whole text, with what was read, so "nothing found" is never a riddle.
    const read = rows.filter((r) => r.cells.some((c) => c.trim() !== '')).length;
    errors.push({ code: 'no_rows', line: 0, text: '', params: { lines: read } });
  }
  const used = new Set(segments.map((s) => s.dayKey));
  const venue = documentVenue(rows, headerAt);
  return {
    days: days.filter((d) => used.has(d.key)),
    segments,
    notes,
    errors: errors.sort((a, b) => a.line - b.line),
    ...(venue ? { venue } : {}),
  };
}

function joinContinuation(p: Pending, r: RawRow, map: ColumnMap) {
  const cellIn = (role: keyof ColumnMap) => {
    const i = map[role];
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const add = (a: string, b: string) => (a.trim() === '' ? b : b === '' ? a : `${a.trimEnd()} ${b}`);
  const perf = cellIn('performer');
  const title = cellIn('title');
  const notes = cellIn('notes');
  // Rejoined raw, then tidied, so a list split by a page break stays one list.
  if (perf !== '') {
    p.raw.performer = add(p.raw.performer, perf);
    p.seg.performer = cellLine(p.raw.performer);
  }
  if (title !== '') {
    p.raw.title = add(p.raw.title, title);
    const t = splitTitle(p.raw.title);
    p.seg.title = t.title;
    p.seg.notes = [t.notes, p.seg.notes].filter((x) => x !== '').join('\n');
  }
  if (notes !== '') p.seg.notes = add(p.seg.notes, tidy(notes));
}

const KIND_WORDS: Record<string, SegmentKind> = {
  'khai mạc': 'opening',
  'biểu diễn': 'performance',
  'phát biểu': 'speech',
  'nghi thức': 'ceremony',
  'đố vui': 'quiz',
  'tiểu phẩm': 'skit',
  'trao giải': 'award',
  'tham quan': 'tour',
  'hội thảo': 'workshop',
  nghỉ: 'break',
  'bế mạc': 'closing',
  khác: 'other',
};

function kindOf(text: string): SegmentKind | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if ((SEGMENT_KINDS as readonly string[]).includes(t)) return t as SegmentKind;
  return KIND_WORDS[t] ?? null;
}

/** The year printed with the first full date, so "Ngày 12/7" in the same document gets it too. */
function documentYear(rows: RawRow[]): number | null {
  for (const r of rows) {
    for (const c of r.cells) {
      const d = findDate(c, null);
      if (d) return Number(d.slice(0, 4));
    }
  }
  return null;
}

/** "c) Địa điểm: Trung tâm Hội nghị…" / "Venue: …", as plans write it above their table. */
const VENUE_LINE = /^(?:[a-zđ]\)\s*|[-–•]\s*)?(?:địa\s*điểm(?:\s*(?:tổ\s*chức|dự\s*kiến))?|venue|location)\s*:\s*(.+)$/iu;

/**
 * The venue the document names before its table (the first such line), or null. Plans of a
 * multi-venue week put one before each venue's programme, so it names the stage it is imported onto.
 */
function documentVenue(rows: RawRow[], headerAt: number): string | null {
  const before = headerAt >= 0 ? rows.slice(0, headerAt) : rows;
  for (const r of before) {
    const line = r.cells.map((c) => c.trim()).filter((c) => c !== '').join(' ');
    const m = VENUE_LINE.exec(line);
    const venue = m?.[1]?.trim().replace(/[.;]+$/, '');
    if (venue) return venue.slice(0, 300);
  }
  return null;
}
