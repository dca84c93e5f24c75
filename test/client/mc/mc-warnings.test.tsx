import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resolvePlan } from '../../../shared/engine/plan.ts';
import { Programme } from '../../../shared/model/programme.schema.ts';
import { programmeWarnings } from '../../../shared/model/warnings.ts';
import { khanhHoa2025 } from '../../../server/demo/khanh-hoa-2025.ts';
import { McRundown } from '../../../client/views/mc/McRundown.tsx';
import { translate } from '../../../shared/i18n/index.ts';

describe('MC rundown', () => {
  it("shows the plan document's contradictions on their rows", () => {
    const p = Programme.parse(khanhHoa2025);
    const plan = resolvePlan(p);
    const warnings = new Map<string, string[]>();
    for (const w of programmeWarnings(p)) warnings.set(w.segmentId, [...(warnings.get(w.segmentId) ?? []), translate('vi', `warning.${w.code}`, w.params)]);
    render(
      <McRundown
        live={null}
        lines={plan.lines['d1/main']!}
        segments={new Map(p.segments.map((s) => [s.id, s]))}
        timeZone={p.event.timeZone}
        press={async () => true}
        warnings={warnings}
      />,
    );
    expect(screen.getByTestId('mc-warning-d1-golden-bell').textContent).toContain('Khung giờ 15:00–16:10 là 70 phút nhưng thời lượng ghi 60 phút');
    expect(screen.getByTestId('mc-warning-d1-skits').textContent).toContain('19:00–20:30');
    expect(screen.queryByTestId('mc-warning-d1-guests')).toBeNull();
  });
});
