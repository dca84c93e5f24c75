import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { runStateOf, type ProgrammePayload, type RunState, type Snapshot } from '../../shared/protocol.ts';
import { snapshotOf } from '../../shared/snapshot.ts';
import { isOlderRunState } from '../../shared/state-order.ts';
import { ServiceError } from '../errors.ts';
import { forgetHandshake, protocolRefusal } from '../realtime/socket-kit.ts';
import { stageFeeds, stageRoom } from '../realtime/stage-feeds.ts';
import { capBacklog } from '../realtime/slow-consumers.ts';
import { readRequests, type StageSource } from '../requests/read.requests.ts';
import { serveSocket } from '../requests/socket.adapter.ts';
import { resolveStage } from '../show/show.service.ts';

/** socket.io path of the read-only endpoint for the audience (phones, public displays). */
export const LIVE_PATH = '/live';

/** What the agenda page and /healthz read of the audience's copy (the same shape the show offers). */
export type PublicSource = {
  programmePayload(): ProgrammePayload;
  stageIds(): string[];
  runState(stageId: string): RunState;
  resolveStage(stageId: string | undefined): string;
};

export type LiveEndpoint = {
  io: Server;
  /** The programme as anonymous readers see it (no MC notes). */
  programmeChanged(publicPayload: ProgrammePayload): void;
  stageChanged(snapshot: Snapshot): void;
  /**
   * Takes a run state into the copy without sending it (an edge: the primary's broadcast reaches
   * its sockets through the adapter). False when the copy already holds a newer one.
   */
  remember(state: RunState): boolean;
  /** Sends the copy of one stage to this process's own watchers only (an edge catching up after an outage). */
  resend(stageId: string): void;
  source: PublicSource;
  close(): Promise<void>;
};

/**
 * How a change reaches the watchers: `sliced`, one process sends it a slice at a time (see
 * stageFeeds); `adapter`, the primary of several processes broadcasts once through the socket.io
 * adapter, which carries it to every edge; `none`, an edge, whose sockets get the primary's broadcast.
 */
export type LiveFanout = 'sliced' | 'adapter' | 'none';

export type LiveOptions = {
  programme: ProgrammePayload;
  states: RunState[];
  now?: () => number;
  fanout?: LiveFanout;
  adapter?: ServerOptions['adapter'];
};

/**
 * The audience's side of the protocol on its own path: watch a stage, follow the programme, ping
 * the clock, nothing else. It holds only the public programme and each stage's latest state, so
 * it runs the same in the primary and in an edge fed through Redis.
 */
export function liveEndpoint(http: HttpServer, o: LiveOptions): LiveEndpoint {
  const now = o.now ?? Date.now;
  const fanout = o.fanout ?? 'sliced';
  let programme = o.programme;
  const states = new Map(o.states.map((s) => [s.stageId, s]));
  const io = new Server(http, {
    path: LIVE_PATH,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    connectTimeout: 10_000,
    ...(o.adapter ? { adapter: o.adapter } : {}),
  });
  const feeds = stageFeeds(io);

  const stageIds = () => programme.programme.event.stages.map((s) => s.id);
  const stages: StageSource = {
    resolveStage: (id) => resolveStage(programme.programme.event.stages, id),
    stageIds,
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

  const remember = (state: RunState): boolean => {
    const held = states.get(state.stageId);
    if (held && isOlderRunState(state, held)) return false;
    const { benchSentAt: _, ...kept } = state;
    states.set(state.stageId, kept);
    return true;
  };

  return {
    io,
    programmeChanged(p) {
      programme = p;
      for (const id of states.keys()) if (!p.programme.event.stages.some((s) => s.id === id)) states.delete(id);
      if (fanout !== 'none') io.emit('programme', p);
    },
    stageChanged(snapshot) {
      remember(runStateOf(snapshot));
      if (fanout === 'sliced') feeds(snapshot);
      else if (fanout === 'adapter') {
        // One entry each in the adapter's stream; every edge sends it to its own sockets in the room.
        io.to(stageRoom(snapshot.stageId, 'run')).emit('run', runStateOf(snapshot));
        io.to(stageRoom(snapshot.stageId, 'snapshot')).emit('state', snapshot);
      }
    },
    remember,
    resend(stageId) {
      const state = states.get(stageId);
      if (!state) return;
      const at = now();
      io.local.to(stageRoom(stageId, 'run')).emit('run', { ...state, serverTime: at });
      io.local.to(stageRoom(stageId, 'snapshot')).emit('state', snapshotOf(programme, state, at));
    },
    source: {
      programmePayload: () => programme,
      stageIds,
      runState: (id) => stages.runState(id),
      resolveStage: (id) => stages.resolveStage(id),
    },
    close: () => io.close(),
  };
}
