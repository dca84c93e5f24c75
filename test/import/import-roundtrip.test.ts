import { describe, expect, it } from 'vitest';
import { khanhHoa2025 } from '../../server/demo/khanh-hoa-2025.ts';
import { programmeCsv } from '../../shared/export/csv.ts';
import { applyImport } from '../../shared/import/apply.ts';
import { readText } from '../../shared/import/index.ts';
import { toExport } from '../../shared/import/json.ts';
import { Programme, type Segment } from '../../shared/model/programme.schema.ts';

const demo = Programme.parse(khanhHoa2025);
const empty = { ...demo, segments: [] };
const content = (s: Segment) => [s.dayId, s.stageId, s.plannedStart, s.plannedEnd, s.durationMin, s.title, s.performer, s.kind, s.section, s.notes];

describe('export → import round trips', () => {
  it('our JSON export re-imports to the identical programme, ids included', () => {
    const json = JSON.stringify(toExport(demo, '2025-07-01T00:00:00.000Z'));
    const source = readText(json);
    expect(source.kind).toBe('programme');
    expect(applyImport(empty, source, { mode: 'replace-all' }).programme).toEqual(demo);
  });

  it('our CSV export re-imports with the same days, times, durations, texts, kinds and sections', () => {
    const csv = programmeCsv(demo);
    const source = readText(csv);
    if (source.kind !== 'table') throw new Error('table');
    expect(source.result.errors).toEqual([]);
    const back = applyImport(empty, source, { mode: 'replace-day' }).programme;
    expect(back.segments.map(content)).toEqual(demo.segments.map(content));
  });
});
