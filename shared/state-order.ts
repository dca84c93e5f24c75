import type { RunState } from './protocol.ts';

type Counts = Pick<RunState, 'version' | 'programmeRevision'>;

/**
 * Whether `incoming` is an older run state of a stage than the one `held`, so it must not replace
 * it (a late delivery, a reply overtaken by a broadcast). Both counts only grow on the server:
 * `version` with every accepted action, `programmeRevision` with every programme edit, which sends
 * the stage's state again at the same version. A state of an older programme is older whatever its
 * version: it may point at segments the edit removed. An equal state is not older (a resend after
 * a reconnect carries a fresher server time).
 */
export function isOlderRunState(incoming: Counts, held: Counts): boolean {
  if (incoming.programmeRevision !== held.programmeRevision) return incoming.programmeRevision < held.programmeRevision;
  return incoming.version < held.version;
}
