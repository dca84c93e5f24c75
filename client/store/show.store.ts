import { createStore } from 'zustand/vanilla';
import type { ProgrammePayload, RunState } from '../../shared/protocol.ts';
import { isOlderRunState } from '../../shared/state-order.ts';

/** The socket's link to the server as the badge shows it (not the connection object in client/net). */
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export type ShowState = {
  /** The stage's latest run state; views derive what they show from it (useStageView). */
  runState: RunState | null;
  /** Every stage's latest run state, by stage id, for views of several stages (after watchAll). */
  runStates: Record<string, RunState>;
  programme: ProgrammePayload | null;
  /** serverTime ≈ Date.now() + offsetMs */
  offsetMs: number;
  rttMs: number | null;
  connection: ConnectionStatus;
  /** Device clock (epoch ms) of the last run state received. */
  lastUpdateAt: number | null;
};

export const initialShowState = (): ShowState => ({
  runState: null,
  runStates: {},
  programme: null,
  offsetMs: 0,
  rttMs: null,
  connection: 'connecting',
  lastUpdateAt: null,
});

/** No React in here: the socket module writes through the functions below, views read through hooks. */
export const showStore = createStore<ShowState>()(() => initialShowState());

export function receiveRunState(s: RunState): void {
  const prev = showStore.getState().runState;
  // Late deliveries of an older state never overwrite a newer one.
  if (prev && prev.stageId === s.stageId && isOlderRunState(s, prev)) return;
  showStore.setState({ runState: s, lastUpdateAt: Date.now() });
}

/** A run state of any stage, for views that follow several (the technician's previews). */
export function receiveStageState(s: RunState): void {
  const prev = showStore.getState().runStates[s.stageId];
  if (prev && isOlderRunState(s, prev)) return;
  showStore.setState((st) => ({ runStates: { ...st.runStates, [s.stageId]: s } }));
}

export function receiveProgramme(p: ProgrammePayload): void {
  const prev = showStore.getState().programme;
  if (prev && p.revision < prev.revision) return;
  showStore.setState({ programme: p });
}

export function setConnection(connection: ConnectionStatus): void {
  showStore.setState({ connection });
}

export function setClock(offsetMs: number, rttMs: number): void {
  showStore.setState({ offsetMs, rttMs });
}

export function serverNow(): number {
  return Date.now() + showStore.getState().offsetMs;
}
