import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { runStateOf, type ProgrammePayload, type RunState, type Snapshot } from '../../shared/protocol.ts';
import { snapshotOf } from '../../shared/snapshot.ts';
import { ServiceError } from '../errors.ts';
import { forgetHandshake, protocolRefusal } from '../realtime/socket-kit.ts';
import { stageFeeds } from '../realtime/stage-feeds.ts';
import { capBacklog } from '../realtime/slow-consumers.ts';
import { readRequests, type StageSource } from '../requests/read.requests.ts';
import { serveSocket } from '../requests/socket.adapter.ts';
import { resolveStage } from '../show/show.service.ts';

/** socket.io path of the read-only endpoint for the audience (phones, public displays). */
export const LIVE_PATH = '/live';

export type LiveEndpoint = {
  io: Server;
  /** The programme as anonymous readers see it (no MC notes). */
  programmeChanged(publicPayload: ProgrammePayload): void;
  stageChanged(snapshot: Snapshot): void;
  close(): Promise<void>;
};

export type LiveOptions = {
  programme: ProgrammePayload;
  states: RunState[];
  now?: () => number;
  /** Fan-out workers take websocket connections only; the main process also long polling. */
  transports?: ('polling' | 'websocket')[];
};

/**
 * The audience's side of the protocol on its own path: watch a stage, follow the programme, ping
 * the clock, nothing else. It holds only the public programme and each stage's latest state, so
 * it runs the same in the main process and in fan-out worker processes fed over IPC.
 */
export function liveEndpoint(http: HttpServer, o: LiveOptions): LiveEndpoint {
  const now = o.now ?? Date.now;
  let programme = o.programme;
  const states = new Map(o.states.map((s) => [s.stageId, s]));
  const io = new Server(http, { path: LIVE_PATH, serveClient: false, maxHttpBufferSize: 64 * 1024, connectTimeout: 10_000, ...(o.transports ? { transports: o.transports } : {}) });
  const feeds = stageFeeds(io);

  const stages: StageSource = {
    resolveStage: (id) => resolveStage(programme.programme.event.stages, id),
    stageIds: () => programme.programme.event.stages.map((s) => s.id),
    runState: (id) => ({ ...stateOf(id), serverTime: now() }),
    snapshot: (id) => snapshotOf(programme, stateOf(id), now()),
  };
  const stateOf = (id: string): RunState => {
    const state = states.get(id);
    if (!state) throw new ServiceError('not_found', `no state yet for stage ${id}`);
    return state;
  };
  // The read-only subset of the request table, answered from this endpoint's own copy.
  const table = readRequests(stages, now);

  io.use((socket, next) => next(protocolRefusal(socket.handshake.auth) ?? undefined));
  io.on('connection', (socket: Socket) => {
    forgetHandshake(socket);
    capBacklog(socket);
    socket.emit('programme', programme);
    serveSocket(socket, table, {
      principal: () => null,
      unserved: (wire) =>
        new ServiceError('forbidden', `${LIVE_PATH} is read-only; send ${wire} on the default socket.io path`),
    });
  });

  return {
    io,
    programmeChanged(p) {
      programme = p;
      for (const id of states.keys()) if (!p.programme.event.stages.some((s) => s.id === id)) states.delete(id);
      io.emit('programme', p);
    },
    stageChanged(snapshot) {
      const { benchSentAt: _, ...state } = runStateOf(snapshot);
      states.set(snapshot.stageId, state);
      feeds(snapshot);
    },
    close: () => io.close(),
  };
}
