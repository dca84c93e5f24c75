import { describe, expect, it } from 'vitest';
import { agendaRowPx, pageAt, paginate, rowsPerPage, PAGE_MS } from '../../../client/views/led/agenda-pages.ts';

describe('agenda paging', () => {
  it('splits rows into pages that keep every row exactly once, in order', () => {
    const rows = Array.from({ length: 23 }, (_, i) => i);
    const pages = paginate(rows, 10);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
    expect(pages.flat()).toEqual(rows);
    expect(paginate([], 5)).toEqual([[]]);
    expect(paginate(rows, 0).length).toBe(23);
  });

  it('turns pages on the clock and stays on the only page when all fits', () => {
    expect(pageAt(1, 123_456_789)).toBe(0);
    expect(pageAt(3, 0)).toBe(0);
    expect(pageAt(3, PAGE_MS)).toBe(1);
    expect(pageAt(3, 2 * PAGE_MS + 10)).toBe(2);
    expect(pageAt(3, 3 * PAGE_MS)).toBe(0);
  });

  it('gives short strips few large rows and tall portrait walls many rows', () => {
    const strip = agendaRowPx(1920, 480);
    const portrait = agendaRowPx(1080, 1920);
    expect(rowsPerPage(480 - strip * 1.1, strip)).toBeGreaterThanOrEqual(2);
    expect(rowsPerPage(480 - strip * 1.1, strip)).toBeLessThanOrEqual(4);
    expect(rowsPerPage(1920 - portrait * 1.1, portrait)).toBeGreaterThanOrEqual(10);
    expect(rowsPerPage(1920 - portrait * 1.1, portrait)).toBeLessThanOrEqual(14);
    // Wide walls are limited by height, not by their width.
    expect(agendaRowPx(3840, 1080)).toBeLessThanOrEqual(1080 / 4.5);
    expect(rowsPerPage(10, 0)).toBe(1);
  });
});
