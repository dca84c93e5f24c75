import { describe, expect, it } from 'vitest';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { docxRows, xlsxRows } from '../../server/programme/file-readers.ts';
import { readRows, readText } from '../../shared/import/index.ts';
import { APPENDIX } from './appendix.ts';
import { planDocx } from './plan-docx.ts';

const fields = (s: { plannedStart: string | null; plannedEnd: string | null; durationMin: number; title: string; performer: string; section: string; notes: string }) => [
  s.plannedStart,
  s.plannedEnd,
  s.durationMin,
  s.title,
  s.performer,
  s.section,
  s.notes,
];

describe('file adapters', () => {
  it('a .docx plan: finds the programme table among others and reads it like the pasted text', async () => {
    const rows = await docxRows(await planDocx(APPENDIX));
    const fromDocx = readRows(rows);
    const fromText = readText(APPENDIX);
    if (fromDocx.kind !== 'table' || fromText.kind !== 'table') throw new Error('tables expected');
    expect(fromDocx.result.errors).toEqual([]);
    expect(fromDocx.result.days.map((d) => d.date)).toEqual(['2025-07-11', '2025-07-12']);
    expect(fromDocx.result.segments.map(fields)).toEqual(fromText.result.segments.map(fields));
  });

  it('a file that is not a .docx is reported as unreadable', async () => {
    await expect(docxRows(Buffer.from('not a zip'))).rejects.toThrow(/not a readable \.docx/);
  });

  it('an .xlsx run sheet with time-formatted cells', async () => {
    const t = (h: number, m: number) => new Date(Date.UTC(1899, 11, 30, h, m));
    const data = [
      [{ value: 'Start' }, { value: 'End' }, { value: 'Session' }, { value: 'Speaker' }, { value: 'Notes' }],
      [{ value: 'Day 1 – 11/7/2025' }, null, null, null, null],
      [{ value: t(9, 0), format: 'hh:mm' }, { value: t(9, 20), format: 'hh:mm' }, { value: 'Welcome' }, { value: 'MC' }, null],
      [{ value: t(9, 20), format: 'hh:mm' }, { value: t(10, 0), format: 'hh:mm' }, { value: 'Keynote' }, { value: 'Minister' }, { value: 'Two mics' }],
    ];
    const buffer = await writeXlsxFile(data as SheetData).toBuffer();
    const source = readRows(await xlsxRows(buffer));
    if (source.kind !== 'table') throw new Error('table');
    expect(source.result.errors).toEqual([]);
    expect(source.result.days.map((d) => d.date)).toEqual(['2025-07-11']);
    expect(source.result.segments.map((s) => [s.plannedStart, s.plannedEnd, s.durationMin, s.title, s.performer, s.notes])).toEqual([
      ['09:00', '09:20', 20, 'Welcome', 'MC', ''],
      ['09:20', '10:00', 40, 'Keynote', 'Minister', 'Two mics'],
    ]);
  });
});
