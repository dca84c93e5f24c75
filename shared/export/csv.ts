import type { Programme } from '../model/programme.schema.ts';

/** RFC 4180 quoting: a field with a comma, quote or newline is quoted, quotes doubled. */
export function csvField(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (fields: (string | number | boolean | null)[]) => fields.map(csvField).join(',');

/**
 * Text someone typed, made safe to open in a spreadsheet: a cell starting with = + - @ (or a tab or
 * CR) would be read as a formula (`=HYPERLINK(…)`), so it gets the apostrophe spreadsheets use to
 * mean "text". The importer drops that apostrophe again (`unguardCell`). Figures we computed
 * ourselves, such as "+2:00", are written as they are.
 */
export function csvText(s: string | null): string {
  if (s === null) return '';
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The inverse of csvText, for cells read back from a CSV or pasted table. */
export const unguardCell = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** With a BOM so Excel opens Vietnamese text as UTF-8. */
export const withBom = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

/** The run sheet as CSV, one row per segment in running order; headers the importer reads back. */
export function programmeCsv(p: Programme): string {
  const days = new Map(p.event.days.map((d) => [d.id, d]));
  const stages = new Map(p.event.stages.map((s) => [s.id, s.name]));
  const header = ['Date', 'Day', 'Stage', 'Start', 'End', 'Duration', 'Title', 'Performer', 'Kind', 'Section', 'Notes', 'Fixed'];
  const order = (id: string) => p.event.days.findIndex((d) => d.id === id);
  const rows = p.segments
    .map((s, i) => ({ s, i }))
    .sort((a, b) => order(a.s.dayId) - order(b.s.dayId) || a.i - b.i)
    .map(({ s }) =>
      csvLine([
        days.get(s.dayId)?.date ?? '',
        csvText(days.get(s.dayId)?.label ?? ''),
        csvText(stages.get(s.stageId) ?? s.stageId),
        s.plannedStart,
        s.plannedEnd,
        s.durationMin,
        csvText(s.title),
        csvText(s.performer),
        s.kind,
        csvText(s.section),
        csvText(s.notes),
        s.fixedStart ? 'yes' : '',
      ]),
    );
  return withBom([csvLine(header), ...rows]);
}
