import { createContext, useCallback, useContext } from 'react';
import { deriveStageView, type StageView } from '../../shared/engine/view.ts';
import { useShow } from './hooks.ts';

/**
 * The stage the views below follow, when it is not the one this page watches: the technician's
 * previews each draw the stage their screen is assigned to. Null: the watched stage.
 */
export const StageScope = createContext<string | null>(null);

/**
 * The stage as a function of the server clock, derived by the same engine as the server's
 * snapshot; a new function when the run state or the plan changes.
 */
export function useStageDeriver(): (now: number) => StageView | null {
  const scope = useContext(StageScope);
  const watched = useShow((s) => s.runState);
  const scoped = useShow((s) => (scope === null ? null : (s.runStates[scope] ?? null)));
  const state = scope === null ? watched : scoped;
  const plan = useShow((s) => s.programme?.plan ?? null);
  return useCallback(
    // A run state whose programme revision has not arrived yet may name segments this plan lacks.
    (now: number) => (state && plan ? deriveStageView(plan, state.stageId, state.run, now) : null),
    [state, plan],
  );
}

/** The stage as of `now` (server clock). */
export function useStageView(now: number): StageView | null {
  return useStageDeriver()(now);
}
