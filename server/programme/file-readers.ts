import mammoth from 'mammoth';
import { readSheet } from 'read-excel-file/node';
import { stripMarkup } from '../../shared/import/cells.ts';
import { parseRange } from '../../shared/import/time.ts';
import type { RawRow } from '../../shared/import/types.ts';
import { htmlTables } from './html-tables.ts';

export class UnreadableFile extends Error {}

/**
 * The programme table of a Word plan: the tables holding timed rows, in document order (a plan
 * often splits the programme over several tables, or keeps other tables for signatures and lists).
 */
export async function docxRows(buffer: Buffer): Promise<RawRow[]> {
  let html: string;
  try {
    // Pictures are never part of a programme: skip them rather than inline each as base64.
    html = (await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) })).value;
  } catch (e) {
    throw new UnreadableFile(`not a readable .docx file (${e instanceof Error ? e.message : 'unknown error'})`);
  }
  const tables = htmlTables(html);
  const timed = (rows: RawRow[]) => rows.filter((r) => r.cells.some((c) => parseRange(stripMarkup(c.split('\n')[0] ?? '')) !== null)).length;
  const programme = tables.filter((t) => timed(t) >= 2);
  const chosen = programme.length > 0 ? programme : tables.filter((t) => timed(t) >= 1);
  if (chosen.length === 0) throw new UnreadableFile('the document has no table with times in it');
  // Line numbers count rows across the chosen tables, as the organiser sees them top to bottom.
  let n = 0;
  return chosen.flat().map((r) => ({ line: ++n, cells: r.cells }));
}

const pad = (x: number) => String(x).padStart(2, '0');

/** First sheet of an .xlsx run sheet. Time-formatted cells arrive as dates on 1899-12-30 and become "HH:mm". */
export async function xlsxRows(buffer: Buffer): Promise<RawRow[]> {
  let data: unknown[][];
  try {
    data = await readSheet(buffer);
  } catch (e) {
    throw new UnreadableFile(`not a readable .xlsx file (${e instanceof Error ? e.message : 'unknown error'})`);
  }
  return data.map((row, i) => ({ line: i + 1, cells: row.map(cellString) }));
}

function cellString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const time = `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
    return v.getUTCFullYear() < 1901 ? time : `${v.toISOString().slice(0, 10)}${time === '00:00' ? '' : ` ${time}`}`;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}
