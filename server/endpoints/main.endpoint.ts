import type { Server, Socket } from 'socket.io';
import type { ServerIncomingEvents, ServerToClientEvents } from '../../shared/protocol.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { serveSocket } from '../requests/socket.adapter.ts';
import type { RequestTable } from '../requests/requests.ts';
import type { Broadcaster } from '../show/broadcaster.ts';
import type { ShowService } from '../show/show.service.ts';
import { publicProgramme } from '../show/public-programme.ts';
import { originAllowed } from '../realtime/origin.ts';
import { forgetHandshake, protocolRefusal } from '../realtime/socket-kit.ts';
import { stageFeeds } from '../realtime/stage-feeds.ts';
import { capBacklog } from '../realtime/slow-consumers.ts';

/** `tokenId`: the token this socket logged in with, while it is valid (the crew page's "connected now"). */
type SocketData = { token: string | undefined; tokenId?: string | undefined };
export type AppServer = Server<ServerIncomingEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ServerIncomingEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Logged-in sockets: they receive the programme with the MC's notes. */
const CREW = 'crew';

export function socketBroadcaster(io: AppServer, auth: AuthService): Broadcaster {
  const feeds = stageFeeds(io);
  return {
    stageChanged: (_stageId, snapshot) => feeds(snapshot),
    programmeChanged: (payload) => {
      // The MC's notes go only to sockets whose login still holds now: a logout, an expiry or a
      // password change since they connected moves them back to the public programme.
      for (const id of [...(io.sockets.adapter.rooms.get(CREW) ?? [])]) {
        const s = io.sockets.sockets.get(id);
        if (s && auth.verify(s.data.token) === null) void s.leave(CREW);
      }
      io.to(CREW).emit('programme', payload);
      io.except(CREW).emit('programme', publicProgramme(payload));
    },
  };
}

/** Ids of the tokens an open socket uses now. */
export function connectedTokenIds(io: AppServer): Set<string> {
  const ids = new Set<string>();
  for (const s of io.sockets.sockets.values()) if (s.data.tokenId !== undefined) ids.add(s.data.tokenId);
  return ids;
}

/**
 * A revoked token loses its rights on open sockets at once (every request is checked anyway); this
 * tells the device, so its screen says it lost control instead of failing at the next press.
 */
export function tellRevoked(io: AppServer, auth: AuthService): void {
  for (const s of io.sockets.sockets.values()) {
    if (s.data.tokenId === undefined || auth.verify(s.data.token) !== null) continue;
    s.data.tokenId = undefined;
    void s.leave(CREW);
    s.emit('session:ended', { reason: 'revoked' });
  }
}

/** The main endpoint: the crew's consoles and the LED screens, served from the whole request table. */
export function attachSocketHandlers(io: AppServer, table: RequestTable, show: ShowService, auth: AuthService, allowedOrigins: readonly string[] = []): void {
  io.use((socket, next) => {
    const refused = protocolRefusal(socket.handshake.auth);
    if (refused) return next(refused);
    const hs = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const token = typeof hs.token === 'string' ? hs.token : undefined;
    if (!originAllowed(socket.request, token !== undefined, allowedOrigins)) {
      return next(new Error('forbidden_origin: control connections must come from this server\'s pages'));
    }
    socket.data.token = token;
    next();
  });

  io.on('connection', (socket: AppSocket) => {
    forgetHandshake(socket);
    capBacklog(socket);
    const principal = auth.verify(socket.data.token);
    const crew = principal !== null;
    if (crew) void socket.join(CREW);
    socket.data.tokenId = principal?.tokenId;
    socket.emit('programme', crew ? show.programmePayload() : publicProgramme(show.programmePayload()));
    serveSocket(socket, table, {
      // Checked per request, so a logout or password change takes effect on open sockets too.
      principal: () => auth.verify(socket.data.token),
      unserved: (wire) => new ServiceError('not_found', `no request ${wire} here`),
    });
  });
}
