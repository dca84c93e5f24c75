import { parseRange } from './time.ts';
import type { RawRow } from './types.ts';

/**
 * Plain lines as a programme is often typed in an e-mail or a chat:
 * "08:00 – 08:20 Đón đại biểu (20 phút) | Ban tổ chức". Each line becomes the cells
 * [time, duration, title, performer] so the table reader handles the rest.
 */
export const LINE_COLUMNS = { time: 0, duration: 1, title: 2, performer: 3 } as const;

export function linesToRows(text: string): RawRow[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, cells: lineCells(raw.trim()) }));
}

function lineCells(line: string): string[] {
  if (line === '') return [];
  const { time, rest } = leadingTime(line);
  let body = rest;
  let duration = '';
  const d = /\s*[([]\s*(\d+)\s*(?:phút|phut|p|'|min|mins|minutes)\s*[)\]]\s*/i.exec(body);
  if (d) {
    duration = d[1] ?? '';
    body = (body.slice(0, d.index) + ' ' + body.slice(d.index + d[0].length)).trim();
  } else {
    const lead = /^(\d+)\s*(?:phút|phut|'|min|mins|minutes)(?!\p{L})\.?\s*[:–—-]?\s*/iu.exec(body);
    if (lead && time === '') {
      duration = lead[1] ?? '';
      body = body.slice(lead[0].length);
    }
  }
  const [title = '', performer = ''] = body.split(/\s+\|\s+|\s+—\s+/);
  // Day, session and section headers: one cell in the time column, as plan tables print them.
  if (time === '' && duration === '') return [line];
  return [time, duration, title.trim(), performer.trim()];
}

/** The longest prefix that reads as a time or range, followed by a separator. */
function leadingTime(line: string): { time: string; rest: string } {
  for (let k = Math.min(line.length, 48); k >= 3; k--) {
    const head = line.slice(0, k);
    const after = line.slice(k);
    if (after !== '' && !/^[\s:|.,–—-]/.test(after)) continue;
    if (parseRange(head) !== null) return { time: head.trim(), rest: after.replace(/^[\s:|.,–—-]+/, '').trim() };
  }
  return { time: '', rest: line };
}
