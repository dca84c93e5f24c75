import type { ProgrammePayload, Snapshot } from '../../shared/protocol.ts';
import { publicProgramme } from './public-programme.ts';

/** What the show engine needs from the transport; socket.io is one implementation, tests use others. */
export interface Broadcaster {
  stageChanged(stageId: string, snapshot: Snapshot): void;
  programmeChanged(payload: ProgrammePayload): void;
}

/** Feeds whatever holds the audience's copy (the live endpoint here, or a fan-out worker). */
export function liveBroadcaster(target: { programmeChanged(publicPayload: ProgrammePayload): void; stageChanged(snapshot: Snapshot): void }): Broadcaster {
  return {
    stageChanged: (_stageId, snapshot) => target.stageChanged(snapshot),
    programmeChanged: (payload) => target.programmeChanged(publicProgramme(payload)),
  };
}
