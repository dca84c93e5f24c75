import { unguardCell } from '../export/csv.ts';
import { headerMap } from './columns.ts';
import type { RawRow } from './types.ts';

/**
 * Splits tab- or comma-separated text into rows. A cell may be quoted ("…") to hold the delimiter,
 * newlines or "" for a quote, as spreadsheets write it; a cell that merely starts with a quote
 * mark but does not close before a delimiter is read as plain text, as Word copies it.
 */
export function splitDelimited(text: string, delimiter: string): RawRow[] {
  const rows: RawRow[] = [];
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let i = 0;
  let line = 1;
  while (i <= src.length) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      const { value, next, lines } = readCell(src, i, delimiter);
      // Our own export.csv guards formula-like text with an apostrophe; read it back as typed.
      cells.push(unguardCell(value));
      line += lines;
      i = next;
      if (src[i] === delimiter) {
        i += 1;
        continue;
      }
      break;
    }
    rows.push({ line: start, cells });
    if (i >= src.length) break;
    i += 1; // the newline
    line += 1;
  }
  return rows;
}

function readCell(src: string, from: number, delimiter: string): { value: string; next: number; lines: number } {
  if (src[from] === '"') {
    let j = from + 1;
    let value = '';
    for (;;) {
      const q = src.indexOf('"', j);
      if (q < 0) break;
      if (src[q + 1] === '"') {
        value += src.slice(j, q) + '"';
        j = q + 2;
        continue;
      }
      const after = src[q + 1];
      if (after === undefined || after === delimiter || after === '\n') {
        value += src.slice(j, q);
        return { value, next: q + 1, lines: countLines(src.slice(from, q)) };
      }
      break;
    }
  }
  let end = from;
  while (end < src.length && src[end] !== delimiter && src[end] !== '\n') end += 1;
  return { value: src.slice(from, end), next: end, lines: 0 };
}

const countLines = (s: string) => (s.match(/\n/g) ?? []).length;

export type TextShape = 'json' | 'tsv' | 'csv' | 'lines';

/** Guesses what kind of text was pasted or uploaded. */
export function detectShape(text: string): TextShape {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t.startsWith('{') || t.startsWith('[')) return 'json';
  const lines = t.split(/\r?\n/).filter((l) => l.trim() !== '');
  const tabbed = lines.filter((l) => l.includes('\t'));
  if (tabbed.length > 0 && tabbed.length >= lines.length / 3) return 'tsv';
  // The whole plan pasted, prose and all: the table is there if a tabbed line is its header.
  if (tabbed.some((l) => headerMap({ line: 0, cells: l.split('\t') }) !== null)) return 'tsv';
  const commaRows = lines.filter((l) => (l.match(/[,;]/g) ?? []).length >= 2).length;
  if (lines.length > 0 && commaRows >= lines.length * 0.6 && /^[^\n]*(start|begin|time|thời gian|giờ|bắt đầu)[^\n]*[,;]/i.test(t)) return 'csv';
  return 'lines';
}

/** ";" is the list separator of spreadsheets in Vietnamese and European locales. */
export function csvDelimiter(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return (first.match(/;/g) ?? []).length > (first.match(/,/g) ?? []).length ? ';' : ',';
}
