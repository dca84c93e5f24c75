import { describe, expect, it } from 'vitest';
import { parseClock, parseDuration, parseRange } from '../../shared/import/time.ts';
import { dayHeader, findDate } from '../../shared/import/dates.ts';
import { cellLine, splitTitle, tidy } from '../../shared/import/cells.ts';
import { guessKind } from '../../shared/import/kind.ts';

describe('time parsing', () => {
  it.each([
    ['08 giờ 30 – 10 giờ 30', '08:30', '10:30'],
    ['15 giờ 00 - 16 giờ 10', '15:00', '16:10'],
    ['8h20 - 8h30', '08:20', '08:30'],
    ['08h00 – 8h20', '08:00', '08:20'],
    ['8:20–8:30', '08:20', '08:30'],
    ['8:20—8:30', '08:20', '08:30'],
    ['8:20 − 8:30', '08:20', '08:30'],
    ['từ 8h đến 9h30', '08:00', '09:30'],
    ['9.30-10.00', '09:30', '10:00'],
    ['5:30 PM - 6 pm', '17:30', '18:00'],
    ['12:15 am', '00:15', null],
    ['08:20', '08:20', null],
    ['17g', '17:00', null],
  ])('%s', (text, start, end) => {
    expect(parseRange(text)).toEqual({ start, end });
  });

  it.each(['15', 'KHAI MẠC', '25:00', '8:75', '', 'Day 1', '13 pm'])('not a time: %j', (text) => {
    expect(parseRange(text)).toBeNull();
  });

  it('a bare number is never a clock time', () => expect(parseClock('120')).toBeNull());

  it.each([
    ['120', 120],
    ['05', 5],
    ['15 phút', 15],
    ["15'", 15],
    ['20 min', 20],
    ['1h30', 90],
    ['1:30', 90],
    ['2 hours', 120],
    ['0', 0],
    ['mười', null],
  ])('duration %j → %j', (text, min) => expect(parseDuration(text)).toBe(min));
});

describe('day headers and dates', () => {
  it('reads the plan header and short forms', () => {
    expect(dayHeader('CHƯƠNG TRÌNH NGÀY THỨ 1 (11/7/2025)')).toEqual({ label: 'Ngày thứ 1' });
    expect(findDate('CHƯƠNG TRÌNH NGÀY THỨ 1 (11/7/2025)', null)).toBe('2025-07-11');
    expect(findDate('Ngày 12/7', 2025)).toBe('2025-07-12');
    expect(findDate('Ngày 12/7', null)).toBeNull();
    expect(findDate('ngày 12 tháng 7 năm 2025', null)).toBe('2025-07-12');
    expect(findDate('Saturday, July 12, 2025', null)).toBe('2025-07-12');
    expect(findDate('31/2/2025', null)).toBeNull();
    expect(dayHeader('Buổi sáng')).toBeNull();
    expect(dayHeader('NGÀY HỘI CÔNG NGHỆ SỐ TỈNH KHÁNH HÒA NĂM 2025')).toBeNull();
  });
});

describe('cells', () => {
  it('drops markup, keeps words and an ellipsis', () => {
    expect(tidy('Hội thảo (<i>nội dung, logistics, ...</i>) .')).toBe('Hội thảo (nội dung, logistics, ...).');
    expect(tidy('A &amp; B')).toBe('A & B');
  });
  it('joins bullet items with "; " and leaves prose with hyphens alone', () => {
    expect(cellLine('- Sở A. - Sở B.')).toBe('Sở A; Sở B');
    expect(cellLine('- Sở A\n- Sở B')).toBe('Sở A; Sở B');
    expect(cellLine('Phòng chống Covid-19 - tuyên truyền.')).toBe('Phòng chống Covid-19 - tuyên truyền');
  });
  it('moves an attached list out of a title into the notes', () => {
    expect(splitTitle('Hội thảo, bao gồm: + Báo cáo. + Tham luận')).toEqual({ title: 'Hội thảo', notes: 'Bao gồm: Báo cáo; Tham luận.' });
    expect(splitTitle('Keynote: the digital province')).toEqual({ title: 'Keynote: the digital province', notes: '' });
  });
  it('guesses kinds in both languages, speech before opening, award before quiz', () => {
    expect(guessKind('Phát biểu khai mạc')).toBe('speech');
    expect(guessKind('Trao giải cho cuộc thi')).toBe('award');
    expect(guessKind('Tuyên bố bế mạc')).toBe('closing');
    expect(guessKind('Coffee break')).toBe('break');
    expect(guessKind('Phát động phong trào')).toBe('ceremony');
    expect(guessKind('Trò chơi thực tế ảo')).toBe('other');
  });
});
