import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../../shared/import/index.ts';
import { isRelativeTime } from '../../shared/import/time.ts';
import type { ParseOptions, ParseResult } from '../../shared/import/types.ts';

const table = (text: string, opts: ParseOptions = {}): ParseResult => {
  const s = readText(text, 'auto', opts);
  if (s.kind !== 'table') throw new Error('expected a table');
  return s.result;
};

/** Section 2.1 of the Quảng Ngãi 2025 plan (its opening ceremony), as the plan prints it: a list with no times. */
const opening = readFileSync(join(import.meta.dirname, '../fixtures/import/quang-ngai-opening.txt'), 'utf8');

describe('what the importer says about a text it cannot use', () => {
  it('a programme with no times or durations: one message for the whole text, saying how many lines it read', () => {
    expect(opening).toContain('Phát biểu khai mạc của lãnh đạo UBND tỉnh');
    const r = table(opening);
    const read = opening.split('\n').filter((l) => l.trim() !== '').length;
    expect(r.errors).toEqual([{ code: 'no_rows', line: 0, text: '', params: { lines: read } }]);
    expect(r.segments).toEqual([]);
  });

  it('a heading no segment sits under is noted as skipped, never dropped in silence', () => {
    const text = ['Thời gian\tThời lượng\tNội dung', 'KHAI MẠC', '14:00\t10\tĐón tiếp đại biểu', 'c) Địa điểm: Trung tâm Hội nghị', 'd) Thành phần: lãnh đạo tỉnh'].join('\n');
    const r = table(text);
    expect(r.errors).toEqual([]);
    expect(r.segments.map((s) => [s.title, s.section])).toEqual([['Đón tiếp đại biểu', 'KHAI MẠC']]);
    expect(r.notes.map((n) => [n.code, n.line])).toEqual([
      ['ignored_line', 4],
      ['ignored_line', 5],
    ]);
  });
});

describe('a row timed "after the row before" in words', () => {
  const text = ['Thời gian\tThời lượng\tNội dung', '14:00\t10\tĐón tiếp đại biểu', '14:10\t15\tPhát biểu khai mạc', 'sau phần phát biểu\t30\tTham quan các gian hàng triển lãm'].join('\n');

  it('is refused until the organiser confirms the reading', () => {
    const r = table(text);
    expect(r.errors).toEqual([{ code: 'unreadable_time', line: 4, text: 'sau phần phát biểu\t30\tTham quan các gian hàng triển lãm', params: { value: 'sau phần phát biểu' } }]);
    expect(isRelativeTime('sau phần phát biểu')).toBe(true);
    expect(['14h6O', 'chiều', 'khoảng 3 giờ'].map(isRelativeTime)).toEqual([false, false, false]);
    expect(['ngay sau đó', 'Tiếp theo', 'after the speech', 'sau khi cắt băng'].map(isRelativeTime)).toEqual([true, true, true, true]);
  });

  it('once confirmed, has no printed time and follows the row before, and says so', () => {
    const r = table(text, { followLines: [4] });
    expect(r.errors).toEqual([]);
    expect(r.segments.at(-1)).toMatchObject({ title: 'Tham quan các gian hàng triển lãm', plannedStart: null, plannedEnd: null, fixedStart: false, durationMin: 30 });
    expect(r.notes).toEqual([{ code: 'follows_previous', line: 4, text: 'sau phần phát biểu\t30\tTham quan các gian hàng triển lãm', params: { value: 'sau phần phát biểu' } }]);
  });

  it('a confirmation for another line changes nothing', () => {
    expect(table(text, { followLines: [3] }).errors.map((e) => e.line)).toEqual([4]);
  });
});
