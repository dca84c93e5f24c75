import { useCallback, useMemo } from 'react';
import type { StageView } from '../../../shared/engine/view.ts';
import { useFrameNow } from '../../store/hooks.ts';
import { useStageDeriver } from '../../store/useStageView.ts';
import { stageFrameKey } from './frame-key.ts';

/**
 * The stage and the clock a timer or console draws, renewed at the frame where anything it shows
 * turns (a second, a minute, a flash) and whenever the run state or the plan changes.
 */
export function useStageFrame(): { now: number; view: StageView | null } {
  const derive = useStageDeriver();
  const keyAt = useCallback((t: number) => stageFrameKey(derive(t), t), [derive]);
  const now = useFrameNow(keyAt);
  const view = useMemo(() => derive(now), [derive, now]);
  return { now, view };
}
