import { csvDelimiter, detectShape, splitDelimited } from './delimited.ts';
import { readProgrammeJson } from './json.ts';
import { LINE_COLUMNS, linesToRows } from './lines.ts';
import { parseRows } from './parse-table.ts';
import type { Programme } from '../model/programme.schema.ts';
import type { ParseOptions, ParseResult, RawRow } from './types.ts';

export type TextFormat = 'auto' | 'tsv' | 'csv' | 'lines' | 'json';

/** Either a whole programme (our JSON export) or rows read from a table. */
export type ImportSource = { kind: 'programme'; programme: Programme } | { kind: 'table'; result: ParseResult };

export function readText(text: string, format: TextFormat = 'auto', opts: ParseOptions = {}): ImportSource {
  const shape = format === 'auto' ? detectShape(text) : format;
  if (shape === 'json') {
    const r = readProgrammeJson(text);
    if (r.ok) return { kind: 'programme', programme: r.programme };
    return {
      kind: 'table',
      result: { days: [], segments: [], notes: [], errors: [{ code: 'invalid_json', line: 0, text: '', params: { message: r.message } }] },
    };
  }
  if (shape === 'lines') return { kind: 'table', result: parseRows(linesToRows(text), { ...opts, map: LINE_COLUMNS }) };
  const delimiter = shape === 'tsv' ? '\t' : csvDelimiter(text);
  return { kind: 'table', result: parseRows(splitDelimited(text, delimiter), opts) };
}

/** Rows that file adapters (docx tables, spreadsheets) have already split into cells. */
export function readRows(rows: RawRow[], opts: ParseOptions = {}): ImportSource {
  return { kind: 'table', result: parseRows(rows, opts) };
}

export type { ParseOptions, ParseResult, ParsedDay, ParsedSegment, ImportNote, RowError, RawRow } from './types.ts';
