import { useMemo } from 'react';
import { runFromView } from '../../shared/engine/from-view.ts';
import { deriveStageView, type StageView } from '../../shared/engine/view.ts';
import { useShow } from './hooks.ts';

/** The stage as of `now` (server clock), derived by the same engine as the server's snapshot. */
export function useStageView(now: number): StageView | null {
  const snapshot = useShow((s) => s.snapshot);
  const plan = useShow((s) => s.programme?.plan ?? null);
  const run = useMemo(() => (snapshot ? runFromView(snapshot) : null), [snapshot]);
  if (!snapshot || !run) return null;
  if (!plan) return snapshot;
  return deriveStageView(plan, snapshot.stageId, run, now);
}
