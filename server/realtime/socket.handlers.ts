import type { Server, Socket } from 'socket.io';
import { ClockPing, ControlRequest, PROTOCOL_VERSION, WatchRequest, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol.ts';
import { actorOf, mayControl, type AuthService } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { parse } from '../http/validate.ts';
import type { Broadcaster } from '../show/broadcaster.ts';
import type { ShowService } from '../show/show.service.ts';
import { originAllowed } from './origin.ts';
import { stageFeeds, watchStage } from './stage-feeds.ts';
import { publicProgramme } from '../show/public-programme.ts';

/** `watching`: the one stage room (and feed) this socket receives updates from. */
type SocketData = { token: string | undefined; watching: string | null };
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Logged-in sockets: they receive the programme with the MC's notes. */
const CREW = 'crew';

export function socketBroadcaster(io: AppServer): Broadcaster {
  const feeds = stageFeeds(io as unknown as Server);
  return {
    stageChanged: (_stageId, snapshot) => feeds(snapshot),
    programmeChanged: (payload) => {
      io.to(CREW).emit('programme', payload);
      io.except(CREW).emit('programme', publicProgramme(payload));
    },
  };
}

/** Wraps a handler so every failure becomes an acknowledgement with a stable code, never a crash. */
export function answer<T>(ack: unknown, work: () => T): void {
  if (typeof ack !== 'function') return;
  let reply: Ack<T>;
  try {
    reply = { ok: true, data: work() };
  } catch (e) {
    const err = e instanceof ServiceError ? e : new ServiceError('internal', 'internal error');
    if (!(e instanceof ServiceError)) console.error('socket handler failed', e);
    reply = { ok: false, error: err.toJSON() };
  }
  (ack as (r: Ack<T>) => void)(reply);
}

/** Refuses a client speaking another protocol version (clients that send none are accepted). */
export function protocolRefusal(handshakeAuth: unknown): Error | null {
  const v = ((handshakeAuth ?? {}) as Record<string, unknown>).protocol;
  return v !== undefined && v !== PROTOCOL_VERSION ? new Error(`protocol_mismatch: server speaks protocol ${PROTOCOL_VERSION}`) : null;
}

/**
 * The handshake request is needed only by the middleware; a phone's socket lives for hours, and
 * dropping the request (headers, parser state) makes each idle viewer smaller.
 */
export function forgetHandshake(socket: Socket): void {
  (socket.conn as { request: unknown }).request = null;
}

export const clockPong = (req: unknown, now: () => number) => ({ t0: parse(ClockPing, req).t0, serverTime: now() });

export function attachSocketHandlers(
  io: AppServer,
  show: ShowService,
  auth: AuthService,
  allowedOrigins: readonly string[] = [],
  now: () => number = Date.now,
): void {
  io.use((socket, next) => {
    const refused = protocolRefusal(socket.handshake.auth);
    if (refused) return next(refused);
    const hs = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const token = typeof hs.token === 'string' ? hs.token : undefined;
    if (!originAllowed(socket.request, token !== undefined, allowedOrigins)) {
      return next(new Error('forbidden_origin: control connections must come from this server\'s pages'));
    }
    socket.data.token = token;
    socket.data.watching = null;
    next();
  });

  io.on('connection', (socket: AppSocket) => {
    forgetHandshake(socket as unknown as Socket);
    const crew = auth.verify(socket.data.token) !== null;
    if (crew) void socket.join(CREW);
    socket.emit('programme', crew ? show.programmePayload() : publicProgramme(show.programmePayload()));
    socket.onAny((event: string) => {
      // Feature modules add their own handlers; warn only about events nobody listens to.
      if (socket.listeners(event as 'control').length === 0) console.warn(`ignored unknown socket event "${String(event).slice(0, 40)}"`);
    });

    socket.on('clock:ping', (req, ack) => answer(ack, () => clockPong(req, now)));

    socket.on('stage:watch', (req, ack) =>
      answer(ack, () => {
        const request = parse(WatchRequest, req ?? {});
        const stageId = show.resolveStage(request.stageId);
        const feed = request.feed ?? 'snapshot';
        watchStage(socket as unknown as Socket, stageId, feed);
        return feed === 'run' ? show.runState(stageId) : show.snapshot(stageId);
      }),
    );

    socket.on('control', (req, ack) =>
      answer(ack, () => {
        // Checked per command, so a logout or password change takes effect on open sockets too.
        const principal = auth.verify(socket.data.token);
        if (!principal) throw new ServiceError('unauthorized', 'log in first');
        const { stageId, expectedVersion, command } = parse(ControlRequest, req);
        if (!mayControl(principal.role, command.type)) throw new ServiceError('forbidden', `role ${principal.role} may not ${command.type}`);
        return show.control(stageId, command, expectedVersion, actorOf(principal));
      }),
    );
  });
}
