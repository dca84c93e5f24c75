import { deriveStageView } from './engine/view.ts';
import type { ProgrammePayload, RunState, Snapshot } from './protocol.ts';

/**
 * A run state with every figure derived at `now`, as the default feed sends it. Pure, so the
 * authority and the fan-out workers (which hold only the programme and the latest run states)
 * compute the same snapshot.
 */
export function snapshotOf(payload: ProgrammePayload, state: RunState, now: number): Snapshot {
  const view = deriveStageView(payload.plan, state.stageId, state.run, now);
  const titleOf = (id: string | null) => {
    const s = id === null ? undefined : payload.programme.segments.find((x) => x.id === id);
    return s ? { id: s.id, title: s.title } : null;
  };
  return { ...state, serverTime: now, ...view, current: titleOf(view.currentId), next: titleOf(view.nextId) };
}
