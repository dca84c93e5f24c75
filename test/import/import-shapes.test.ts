import { describe, expect, it } from 'vitest';
import { readText } from '../../shared/import/index.ts';
import type { ParseResult } from '../../shared/import/types.ts';

function table(text: string, format: Parameters<typeof readText>[1] = 'auto'): ParseResult {
  const s = readText(text, format);
  if (s.kind !== 'table') throw new Error('expected a table');
  return s.result;
}
const rows = (r: ParseResult) => r.segments.map((s) => [s.plannedStart, s.plannedEnd, s.durationMin, s.title, s.performer]);

describe('importer on table shapes organisers paste', () => {
  it('Vietnamese, no header, times like "8h20 - 8h30", a duration column', () => {
    const r = table(['Buổi sáng', '7h30 - 8h00\t30\tĐón tiếp đại biểu\tBan tổ chức', '8h00 - 8h20\t20\tVăn nghệ chào mừng\tĐoàn nghệ thuật tỉnh', '8h20 - 8h30\t10\tTuyên bố lý do\tMC'].join('\n'));
    expect(r.errors).toEqual([]);
    expect(rows(r)).toEqual([
      ['07:30', '08:00', 30, 'Đón tiếp đại biểu', 'Ban tổ chức'],
      ['08:00', '08:20', 20, 'Văn nghệ chào mừng', 'Đoàn nghệ thuật tỉnh'],
      ['08:20', '08:30', 10, 'Tuyên bố lý do', 'MC'],
    ]);
    expect(r.segments.map((s) => s.section)).toEqual(['Buổi sáng', 'Buổi sáng', 'Buổi sáng']);
    expect(r.segments.map((s) => s.kind)).toEqual(['other', 'performance', 'ceremony']);
  });

  it('Vietnamese with a header and no duration column: the range gives the duration', () => {
    const r = table(['Thời gian\tNội dung\tThực hiện', '08h00 – 8h20\tĐón khách, ổn định chỗ ngồi\tBan tổ chức', '08h20 – 09h00\tPhát biểu khai mạc\tLãnh đạo UBND tỉnh'].join('\n'));
    expect(rows(r)).toEqual([
      ['08:00', '08:20', 20, 'Đón khách, ổn định chỗ ngồi', 'Ban tổ chức'],
      ['08:20', '09:00', 40, 'Phát biểu khai mạc', 'Lãnh đạo UBND tỉnh'],
    ]);
  });

  it('English CSV "Start, End, Session, Speaker, Notes" with quoted commas and a multi-line note', () => {
    const csv = [
      'Start,End,Session,Speaker,Notes',
      '09:00,09:15,Welcome,"Nguyen Van A, Director",',
      '09:15,10:00,Keynote: the digital province,Dr. Tran B,"Slides on laptop 2',
      'Mic check before"',
      '10:00,10:20,Coffee break,,',
    ].join('\n');
    const r = table(csv);
    expect(r.errors).toEqual([]);
    expect(rows(r)).toEqual([
      ['09:00', '09:15', 15, 'Welcome', 'Nguyen Van A, Director'],
      ['09:15', '10:00', 45, 'Keynote: the digital province', 'Dr. Tran B'],
      ['10:00', '10:20', 20, 'Coffee break', ''],
    ]);
    expect(r.segments[1]?.notes).toBe('Slides on laptop 2 Mic check before');
    expect(r.segments.map((s) => s.kind)).toEqual(['other', 'speech', 'break']);
    expect(r.segments.map((s) => s.line)).toEqual([2, 3, 5]);
  });

  it('semicolon CSV from a Vietnamese-locale spreadsheet, "Time;Item;Who;Duration"', () => {
    const r = table(['Time;Item;Who;Duration', '8:00;Registration;Front desk;30', '8:30;Opening remarks;Chair;10'].join('\n'));
    expect(rows(r)).toEqual([
      ['08:00', null, 30, 'Registration', 'Front desk'],
      ['08:30', null, 10, 'Opening remarks', 'Chair'],
    ]);
  });

  it('start times only: each row runs until the next printed start, and says so', () => {
    const r = table(['Start\tSession\tSpeaker', '13:30\tPanel: AI in public services\tPanel', '14:15\tQ&A\tAll', '14:45\tClose\tChair'].join('\n'));
    expect(rows(r).slice(0, 2)).toEqual([
      ['13:30', null, 45, 'Panel: AI in public services', 'Panel'],
      ['14:15', null, 30, 'Q&A', 'All'],
    ]);
    expect(r.notes.filter((n) => n.code === 'duration_from_next_start').map((n) => n.line)).toEqual([2, 3]);
    // The last row has nothing to run until: reported, never guessed.
    expect(r.errors).toEqual([{ code: 'no_duration', line: 4, text: '14:45\tClose\tChair', params: {} }]);
  });

  it('plain lines from an e-mail, with session headers and duration-only rows', () => {
    const text = ['NGÀY 15/8/2025', 'Buổi sáng', '08:00 – 08:30 Đón đại biểu | Ban tổ chức', '08:30—09:00: Khai mạc (30 phút)', "15' Văn nghệ", 'Buổi chiều', '14:00 - 15:30 Tọa đàm chuyển đổi số — Sở TT&TT'].join('\n');
    const r = table(text);
    expect(r.errors).toEqual([]);
    expect(r.days.map((d) => d.date)).toEqual(['2025-08-15']);
    expect(rows(r)).toEqual([
      ['08:00', '08:30', 30, 'Đón đại biểu', 'Ban tổ chức'],
      ['08:30', '09:00', 30, 'Khai mạc', ''],
      [null, null, 15, 'Văn nghệ', ''],
      ['14:00', '15:30', 90, 'Tọa đàm chuyển đổi số', 'Sở TT&TT'],
    ]);
    expect(r.segments.map((s) => s.section)).toEqual(['Buổi sáng', 'Buổi sáng', 'Buổi sáng', 'Buổi chiều']);
  });

  it('English day headers with written dates, and 12-hour times', () => {
    const text = [
      'Time\tSession\tSpeaker',
      'Day 1 – Friday 11 July 2025',
      '9:00 AM - 9:30 AM\tOpening\tGovernor',
      'Day 2 – Saturday, July 12, 2025',
      '2:00 pm - 3:30 pm\tHackathon finals\tJury',
    ].join('\n');
    const r = table(text);
    expect(r.days.map((d) => [d.date, d.label])).toEqual([
      ['2025-07-11', 'Day 1'],
      ['2025-07-12', 'Day 2'],
    ]);
    expect(rows(r)).toEqual([
      ['09:00', '09:30', 30, 'Opening', 'Governor'],
      ['14:00', '15:30', 90, 'Hackathon finals', 'Jury'],
    ]);
    expect(r.segments.map((s) => s.dayKey)).toEqual(['day-1', 'day-2']);
  });

  it('a block whose range covers untimed sub-rows keeps the range on its first row', () => {
    const text = ['Thời gian\tThời lượng (phút)\tNội dung\tThực hiện', '19h00 - 20h00\tĐÊM NHẠC\t\t', '\t30\tHòa tấu\tBan nhạc', '\t30\tHát\tCa sĩ'].join('\n');
    const r = table(text);
    expect(rows(r)).toEqual([
      ['19:00', '20:00', 30, 'Hòa tấu', 'Ban nhạc'],
      [null, null, 30, 'Hát', 'Ca sĩ'],
    ]);
    expect(r.segments.map((s) => s.section)).toEqual(['ĐÊM NHẠC', 'ĐÊM NHẠC']);
  });

  it('keeps a range that contradicts its duration as written (the warnings flag it)', () => {
    const r = table(['Thời gian\tThời lượng\tNội dung', '15 giờ 00 - 16 giờ 10\t60\tRung chuông vàng'].join('\n'));
    expect(rows(r)).toEqual([['15:00', '16:10', 60, 'Rung chuông vàng', '']]);
  });

  it('an unreadable time or duration is an error with its line number and text', () => {
    const text = ['Thời gian\tThời lượng\tNội dung', '8h00 - 8h30\t30\tĐón khách', 'sau giờ nghỉ\t15\tVăn nghệ', '9h00 - 9h30\tkhoảng mười phút\tGiao lưu'].join('\n');
    const r = table(text);
    expect(r.errors).toEqual([
      { code: 'unreadable_time', line: 3, text: 'sau giờ nghỉ\t15\tVăn nghệ', params: { value: 'sau giờ nghỉ' } },
      { code: 'unreadable_duration', line: 4, text: '9h00 - 9h30\tkhoảng mười phút\tGiao lưu', params: { value: 'khoảng mười phút' } },
    ]);
  });

  it('an STT column, "Giờ" header, notes column and zero duration', () => {
    const text = ['STT\tGiờ\tNội dung\tNgười thực hiện\tGhi chú', '1\t07:30\tChào cờ\tĐoàn thanh niên\tĐứng nghiêm', '2\t07:40\tBáo cáo\tVăn phòng\t'].join('\n');
    const r = table(text);
    expect(r.errors).toEqual([{ code: 'no_duration', line: 3, text: '2\t07:40\tBáo cáo\tVăn phòng', params: {} }]);
    expect(r.segments[0]).toMatchObject({ plannedStart: '07:30', durationMin: 10, title: 'Chào cờ', performer: 'Đoàn thanh niên', notes: 'Đứng nghiêm', kind: 'ceremony' });
  });

  it('a spreadsheet copy with a quoted multi-line cell of bullets', () => {
    const text = ['Thời gian\tThời lượng\tNội dung\tThực hiện', '14h00 - 14h30\t30\tGiao lưu\t"- Sở Khoa học và Công nghệ', '- Doanh nghiệp"', '14h30 - 14h40\t10\t"Bình dân học vụ số" ra mắt\tMC'].join('\n');
    const r = table(text);
    expect(r.errors).toEqual([]);
    expect(rows(r)).toEqual([
      ['14:00', '14:30', 30, 'Giao lưu', 'Sở Khoa học và Công nghệ; Doanh nghiệp'],
      ['14:30', '14:40', 10, '"Bình dân học vụ số" ra mắt', 'MC'],
    ]);
    expect(r.segments.map((s) => s.line)).toEqual([2, 4]);
  });

  it('nothing recognisable is an error, not an empty programme', () => {
    expect(table('xin chào\n\n').errors.map((e) => e.code)).toEqual(['no_rows']);
  });

  it('invalid JSON is reported', () => {
    const s = readText('{"format": ', 'json');
    expect(s.kind === 'table' && s.result.errors[0]?.code).toBe('invalid_json');
  });
});

describe('rows without a time or a duration', () => {
  it('a new title with neither is an error, not silently joined to the row above', () => {
    const r = table(['Thời gian\tNội dung\tThực hiện', '08:00 - 08:30\tĐón khách\tBan tổ chức', '\tGiao lưu văn nghệ\tĐoàn ca múa'].join('\n'));
    expect(r.errors).toEqual([{ code: 'no_duration', line: 3, text: 'Giao lưu văn nghệ\tĐoàn ca múa', params: {} }]);
  });

  it('a title that carries on mid-sentence after a page break is joined, and said so', () => {
    const r = table(['Thời gian\tNội dung\tThực hiện', '08:00 - 08:30\tĐón khách, ổn định\tBan tổ chức', '\tchỗ ngồi\t'].join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.segments[0]?.title).toBe('Đón khách, ổn định chỗ ngồi');
    expect(r.notes.map((n) => [n.code, n.line, n.params])).toEqual([['joined_continuation', 3, { line: 2 }]]);
  });
});
