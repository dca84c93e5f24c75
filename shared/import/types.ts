import type { SegmentKind } from '../model/programme.schema.ts';

/** One table row as read from the source, before it is understood. `line` is 1-based in the source. */
export type RawRow = { line: number; cells: string[] };

export type ParsedDay = { key: string; date: string | null; label: string; line: number | null };

export type ParsedSegment = {
  line: number;
  dayKey: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  fixedStart: boolean;
  durationMin: number;
  title: string;
  performer: string;
  kind: SegmentKind;
  section: string;
  notes: string;
};

/** Something the importer did that the organiser may want to check; never a change of meaning. */
export type ImportNoteCode =
  | 'ignored_line'
  | 'ignored_before_header'
  | 'joined_continuation'
  | 'duration_from_next_start'
  | 'block_range'
  | 'day_without_date'
  | 'follows_previous';

export type ImportNote = { code: ImportNoteCode; line: number; text: string; params: Record<string, string | number> };

export type RowErrorCode =
  | 'unreadable_time'
  | 'unreadable_duration'
  | 'no_duration'
  | 'zero_duration'
  | 'no_title'
  | 'no_rows'
  | 'invalid_json'
  | 'unreadable_file';

/** A row the importer could not read. Any one of these means nothing is saved. */
export type RowError = { code: RowErrorCode; line: number; text: string; params: Record<string, string | number> };

/** Problems of the whole text, not of one row: said once, never counted as "unreadable rows". */
export const DOCUMENT_ERRORS: readonly RowErrorCode[] = ['no_rows', 'invalid_json', 'unreadable_file'];

export type ParseOptions = {
  year?: number | null;
  /**
   * Lines whose time cell says "after the row before" in words ("sau phần phát biểu"), which the
   * organiser confirmed to read as no printed time. Without that confirmation they are errors.
   */
  followLines?: readonly number[];
};

export type ParseResult = {
  days: ParsedDay[];
  segments: ParsedSegment[];
  notes: ImportNote[];
  errors: RowError[];
  /** The venue the document names ("Địa điểm: …") above its table, if any. */
  venue?: string;
};
