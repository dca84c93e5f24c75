import { describe, expect, it } from 'vitest';
import { programmeWarnings } from '../../shared/model/warnings.ts';
import { Programme } from '../../shared/model/programme.schema.ts';
import { khanhHoa2025 } from '../../server/demo/khanh-hoa-2025.ts';
import { translate } from '../../shared/i18n/index.ts';
import { makeProgramme } from '../support/factories.ts';

describe('programme warnings', () => {
  it('flags the contradictions of the Khánh Hòa appendix and keeps the printed values', () => {
    const p = Programme.parse(khanhHoa2025);
    const w = programmeWarnings(p);
    const byCode = (code: string) => w.filter((x) => x.code === code).map((x) => x.segmentId);
    // 15:00–16:10 is 70 minutes, the row says 60.
    expect(byCode('range_duration_mismatch')).toEqual(['d1-golden-bell']);
    // 19:00–20:30 covers the 60-minute skits and the untimed 30-minute quiz; 18:00–18:40 covers 15 + 15 + 10.
    expect(byCode('range_spans_rows')).toEqual(['d1-skits', 'd2-closing-music']);
    expect(w.find((x) => x.segmentId === 'd2-closing-music')?.params).toMatchObject({ rows: 2, durationMin: 40, rangeMin: 40 });
    expect(p.segments.find((s) => s.id === 'd1-golden-bell')).toMatchObject({ plannedStart: '15:00', plannedEnd: '16:10', durationMin: 60 });
    expect(w).toHaveLength(3);
  });

  it('reads as a sentence in both languages', () => {
    const w = programmeWarnings(Programme.parse(khanhHoa2025)).find((x) => x.code === 'range_duration_mismatch')!;
    expect(translate('vi', `warning.${w.code}`, w.params)).toBe('Khung giờ 15:00–16:10 là 70 phút nhưng thời lượng ghi 60 phút');
    expect(translate('en', `warning.${w.code}`, w.params)).toBe('The time range 15:00–16:10 is 70 min but the duration says 60 min');
  });

  it('flags overlaps, unreachable fixed times, an untimed first row and a range ending before it starts', () => {
    const p = makeProgramme([
      [null, 10],
      ['08:00', 30],
      ['08:20', 10, { fixedStart: false }],
      ['08:25', 10],
      ['09:00', 10, { plannedEnd: '08:50' }],
    ]);
    expect(programmeWarnings(p).map((w) => [w.segmentId, w.code])).toEqual([
      ['s1', 'no_start_time'],
      ['s3', 'overlap'],
      ['s4', 'fixed_unreachable'],
      ['s5', 'end_before_start'],
    ]);
  });
});
