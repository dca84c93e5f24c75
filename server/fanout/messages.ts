import type { ProgrammePayload, Snapshot } from '../../shared/protocol.ts';

/** From the main process to a fan-out worker, in order over its IPC channel. */
export type ToWorker =
  | { t: 'init'; programme: ProgrammePayload; snapshots: Snapshot[] }
  | { t: 'programme'; programme: ProgrammePayload }
  | { t: 'state'; snapshot: Snapshot }
  /** Comes with a TCP socket handle: the first bytes the main process read from it. */
  | { t: 'conn'; id: number; head: string };

/** `took`: the worker holds connection `id` now. */
export type FromWorker = { t: 'ready' } | { t: 'took'; id: number };

/** Set in a fan-out worker's environment; main.ts runs the worker instead of the server. */
export const WORKER_ROLE = 'fanout-worker';
