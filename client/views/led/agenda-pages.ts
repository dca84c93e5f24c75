/**
 * Agenda paging for walls of any height: rows get a size readable from afar, and when the day does
 * not fit the agenda turns its pages by itself.
 */
export const PAGE_MS = 8000;
const MIN_ROWS = 3;
const MAX_ROWS = 14;

/** Row height in px: as tall as the screen allows, but never so wide a row cannot hold a title. */
export function agendaRowPx(width: number, height: number): number {
  const byWidth = width / 20;
  const byHeight = height / (MIN_ROWS + 1.5);
  const floor = height / (MAX_ROWS + 1.5);
  return Math.max(floor, Math.min(byWidth, byHeight));
}

export function rowsPerPage(listHeightPx: number, rowPx: number): number {
  if (rowPx <= 0) return 1;
  return Math.max(1, Math.floor(listHeightPx / rowPx));
}

export function paginate<T>(rows: readonly T[], perPage: number): T[][] {
  const size = Math.max(1, Math.floor(perPage));
  const pages: T[][] = [];
  for (let i = 0; i < rows.length; i += size) pages.push(rows.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

/**
 * The page on show at `now`. Pages turn on the server clock, so two walls showing the same agenda
 * turn together. When everything fits there is nothing to turn.
 */
export function pageAt(pageCount: number, now: number, periodMs = PAGE_MS): number {
  if (pageCount <= 1) return 0;
  return Math.floor(now / periodMs) % pageCount;
}
