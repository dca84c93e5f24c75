import type { ScreenInfo } from '../../../shared/model/screen.schema.ts';
import { useShow } from '../../store/hooks.ts';
import { StageScope } from '../../store/useStageView.ts';
import { LayoutView } from '../led/LayoutView.tsx';
import { stageOfLayout } from '../led/layout-stage.ts';
import '../led/led.css';

const BOX = 260;

/**
 * What a screen shows, drawn at its real size and scaled down, so text fits exactly as on the wall.
 * Each preview follows the stage its screen shows (the first stage when the layout names none).
 */
export function Preview({ screen, now, label }: { screen: ScreenInfo; now: number; label: string }) {
  const w = Math.max(1, screen.width);
  const h = Math.max(1, screen.height);
  const scale = Math.min(BOX / w, BOX / h);
  const programme = useShow((s) => s.programme?.programme ?? null);
  const stageId = programme ? (stageOfLayout(screen.layout, programme) ?? programme.event.stages[0]?.id ?? null) : null;
  return (
    <div className="tech-preview" style={{ width: w * scale, height: h * scale }} role="img" aria-label={label} data-testid="tech-preview" data-stage={stageId ?? ''}>
      <div className="tech-preview-box" style={{ width: w, height: h, transform: `scale(${scale})` }}>
        <StageScope.Provider value={stageId}>
          <LayoutView layout={screen.layout} width={w} height={h} now={now} />
        </StageScope.Provider>
      </div>
    </div>
  );
}
