import type { ScreenInfo } from '../../../shared/model/screen.schema.ts';
import { LayoutView } from '../led/LayoutView.tsx';
import '../led/led.css';

const BOX = 260;

/**
 * What a screen shows, drawn at its real size and scaled down, so text fits exactly as on the wall.
 * Previews share this console's live stage (the first one).
 */
export function Preview({ screen, now, label }: { screen: ScreenInfo; now: number; label: string }) {
  const w = Math.max(1, screen.width);
  const h = Math.max(1, screen.height);
  const scale = Math.min(BOX / w, BOX / h);
  return (
    <div className="tech-preview" style={{ width: w * scale, height: h * scale }} role="img" aria-label={label} data-testid="tech-preview">
      <div className="tech-preview-box" style={{ width: w, height: h, transform: `scale(${scale})` }}>
        <LayoutView layout={screen.layout} width={w} height={h} now={now} />
      </div>
    </div>
  );
}
