import { deriveStageView, type StageView } from '../../shared/engine/view.ts';
import { useShow } from './hooks.ts';

/** The stage as of `now` (server clock), derived by the same engine as the server's snapshot. */
export function useStageView(now: number): StageView | null {
  const state = useShow((s) => s.runState);
  const plan = useShow((s) => s.programme?.plan ?? null);
  // A run state whose programme revision has not arrived yet may name segments this plan lacks.
  if (!state || !plan) return null;
  return deriveStageView(plan, state.stageId, state.run, now);
}
