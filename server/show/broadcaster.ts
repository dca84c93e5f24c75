import type { ProgrammePayload, Snapshot } from '../../shared/protocol.ts';

/** What the show engine needs from the transport; socket.io is one implementation, tests use others. */
export interface Broadcaster {
  stageChanged(stageId: string, snapshot: Snapshot): void;
  programmeChanged(payload: ProgrammePayload): void;
}
