import { describe, expect, it } from 'vitest';
import { khanhHoa2025 } from '../../server/demo/khanh-hoa-2025.ts';
import { Programme } from '../../shared/model/programme.schema.ts';
import { programmeWarnings } from '../../shared/model/warnings.ts';
import { applyImport } from '../../shared/import/apply.ts';
import { readText } from '../../shared/import/index.ts';
import { APPENDIX } from './appendix.ts';

const demo = Programme.parse(khanhHoa2025);

/** The demo was typed by hand: case and punctuation of list items differ from the document, words do not. */
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function importAppendix(text = APPENDIX) {
  const source = readText(text);
  if (source.kind !== 'table') throw new Error('expected a table');
  expect(source.result.errors).toEqual([]);
  const empty = { ...demo, segments: [] };
  return { source, preview: applyImport(empty, source, { mode: 'replace-day' }) };
}

describe('importer on the Khánh Hòa appendix (pasted from the plan document)', () => {
  it('reads both days with their printed dates', () => {
    const { source, preview } = importAppendix();
    if (source.kind !== 'table') throw new Error('table');
    expect(source.result.days.map((d) => [d.date, d.label])).toEqual([
      ['2025-07-11', 'Ngày thứ 1'],
      ['2025-07-12', 'Ngày thứ 2'],
    ]);
    expect(preview.days.map((d) => [d.id, d.isNew, d.segmentCount])).toEqual([
      ['d1', false, 12],
      ['d2', false, 5],
    ]);
  });

  it('reproduces every row of the hand-entered demo: times, durations, sections, kinds, titles, performers', () => {
    const { preview } = importAppendix();
    const got = preview.programme.segments;
    expect(got).toHaveLength(demo.segments.length);
    demo.segments.forEach((want, i) => {
      const s = got[i]!;
      const where = `row ${i + 1} (${want.id})`;
      expect([s.dayId, s.stageId, s.plannedStart, s.plannedEnd, s.fixedStart, s.durationMin, s.section, s.kind], where).toEqual([
        want.dayId,
        want.stageId,
        want.plannedStart,
        want.plannedEnd,
        want.fixedStart,
        want.durationMin,
        want.section,
        want.kind,
      ]);
      expect(words(s.title), where).toBe(words(want.title));
      expect(words(s.notes), where).toBe(words(want.notes));
      expect(words(s.performer), where).toBe(words(want.performer));
    });
  });

  it('keeps the document exact where the demo agrees: rejoins the cell split by the page break, drops <i> tags', () => {
    const { preview } = importAppendix();
    const byTitle = (t: string) => preview.segments.find((s) => s.title.startsWith(t))!;
    expect(byTitle('Tham quan gian hàng').performer).toBe(
      'Lãnh đạo UBND tỉnh; Các Sở, ban, ngành, địa phương; Người dân và du khách trên địa bàn tỉnh',
    );
    expect(byTitle('Tổ chức cuộc thi rung chuông vàng').title).toBe(
      'Tổ chức cuộc thi rung chuông vàng (Các kiến thức cơ bản về chuyển đổi số, vai trò, lợi ích và xu hướng phát triển của chuyển đổi số)',
    );
    expect(byTitle('Hội thảo chuyên đề').title).toBe(
      'Hội thảo chuyên đề (nội dung về chuyển đổi số trong các lĩnh vực dịch vụ, du lịch, y tế, nông nghiệp, kinh tế biển, logistics, ...)',
    );
    expect(preview.segments.map((s) => s.line)).toEqual([8, 10, 11, 13, 14, 15, 16, 17, 18, 19, 23, 24, 28, 30, 32, 33, 34]);
  });

  it('flags where the document contradicts itself, exactly as the demo programme does', () => {
    const { preview } = importAppendix();
    const index = (id: string) => preview.programme.segments.findIndex((s) => s.id === id);
    const demoIndex = (id: string) => demo.segments.findIndex((s) => s.id === id);
    const got = preview.warnings.map((w) => [index(w.segmentId), w.code, w.params]);
    const want = programmeWarnings(demo).map((w) => [demoIndex(w.segmentId), w.code, w.params]);
    expect(got).toEqual(want);
    expect(got.map(([, code]) => code)).toEqual(['range_duration_mismatch', 'range_spans_rows', 'range_spans_rows']);
  });

  it('reports what it skipped or joined, with line numbers', () => {
    const { source } = importAppendix();
    if (source.kind !== 'table') throw new Error('table');
    expect(source.result.notes.map((n) => [n.code, n.line])).toEqual([
      ['ignored_before_header', 1],
      ['joined_continuation', 22],
      ['ignored_line', 25],
      ['block_range', 32],
    ]);
  });

  it('finds the table when the whole plan is pasted, prose and all', () => {
    const whole = `KẾ HOẠCH\nTổ chức Ngày Hội công nghệ số\n\nI. MỤC ĐÍCH, YÊU CẦU\n- Giới thiệu, quảng bá 08:00 rộng rãi.\n${'Căn cứ Quyết định số 505/QĐ-TTg ngày 22/4/2022.\n'.repeat(120)}${APPENDIX}`;
    const { source, preview } = importAppendix(whole);
    expect(preview.segments).toHaveLength(17);
    if (source.kind !== 'table') throw new Error('table');
    expect(source.result.notes[0]).toMatchObject({ code: 'ignored_before_header', line: 1, params: { count: 127 } });
  });

  it('reads the same table copied as Windows text with CRLF and non-breaking spaces', () => {
    const messy = APPENDIX.replace(/\n/g, '\r\n').replace(/giờ /g, 'giờ\u00a0');
    const { preview } = importAppendix(messy);
    expect(preview.segments.map((s) => s.plannedStart)).toEqual(demo.segments.map((s) => s.plannedStart));
  });
});
