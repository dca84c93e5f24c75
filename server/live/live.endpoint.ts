import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { runStateOf, WatchRequest, type ProgrammePayload, type RunState, type Snapshot } from '../../shared/protocol.ts';
import { snapshotOf } from '../../shared/snapshot.ts';
import { ServiceError } from '../errors.ts';
import { parse } from '../http/validate.ts';
import { answer, clockPong, forgetHandshake, protocolRefusal } from '../realtime/socket.handlers.ts';
import { stageFeeds, watchStage } from '../realtime/stage-feeds.ts';
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
  const io = new Server(http, { path: LIVE_PATH, serveClient: false, maxHttpBufferSize: 64 * 1024, ...(o.transports ? { transports: o.transports } : {}) });
  const feeds = stageFeeds(io);

  io.use((socket, next) => next(protocolRefusal(socket.handshake.auth) ?? undefined));
  io.on('connection', (socket: Socket) => {
    forgetHandshake(socket);
    socket.emit('programme', programme);
    socket.on('clock:ping', (req: unknown, ack: unknown) => answer(ack, () => clockPong(req, now)));
    socket.on('stage:watch', (req: unknown, ack: unknown) =>
      answer(ack, () => {
        const r = parse(WatchRequest, req ?? {});
        const stageId = resolveStage(programme.programme.event.stages.map((s) => s.id), r.stageId);
        const state = states.get(stageId);
        if (!state) throw new ServiceError('not_found', `no state yet for stage ${stageId}`);
        const feed = r.feed ?? 'snapshot';
        watchStage(socket, stageId, feed);
        return feed === 'run' ? { ...state, serverTime: now() } : snapshotOf(programme, state, now());
      }),
    );
    socket.on('control', (_req: unknown, ack: unknown) =>
      answer(ack, () => {
        throw new ServiceError('forbidden', `${LIVE_PATH} is read-only; send control on the default socket.io path`);
      }),
    );
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
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}
