import { describe, expect, it } from 'vitest';
import { addSegment } from '../../client/views/edit/editing.ts';
import { khanhHoa2025 } from '../../server/demo/khanh-hoa-2025.ts';
import { timerLevel } from '../../shared/engine/timer.ts';
import { programmeCsv } from '../../shared/export/csv.ts';
import { applyImport } from '../../shared/import/apply.ts';
import { readText } from '../../shared/import/index.ts';
import { Programme } from '../../shared/model/programme.schema.ts';
import { makePlan } from '../support/factories.ts';

describe('timer thresholds by default', () => {
  it('a segment with no thresholds of its own turns danger in its last 30 seconds', () => {
    const line = makePlan([['17:00', 10]]).lines['d1/main'] ?? [];
    const l = line[0]!;
    expect([l.warningMs, l.dangerMs]).toEqual([120_000, 30_000]);
    expect(timerLevel(31_000, l.warningMs, l.dangerMs)).toBe('warning');
    expect(timerLevel(30_000, l.warningMs, l.dangerMs)).toBe('danger');
    expect(timerLevel(1_000, l.warningMs, l.dangerMs)).toBe('danger');
  });
  it('an imported programme gets the same default', () => {
    const demo = Programme.parse(khanhHoa2025);
    const source = readText(programmeCsv(demo));
    const back = applyImport({ ...demo, segments: [] }, source, { mode: 'replace-day' }).programme;
    expect(new Set(back.segments.map((s) => s.dangerSec))).toEqual(new Set([30]));
  });
  it('a row added in the editor gets it too', () => {
    const demo = Programme.parse(khanhHoa2025);
    const { programme, id } = addSegment(demo, demo.event.days[0]!.id, demo.event.stages[0]!.id, 'Tiết mục mới');
    expect(programme.segments.find((s) => s.id === id)?.dangerSec).toBe(30);
  });
});
