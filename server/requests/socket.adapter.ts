import type { Socket } from 'socket.io';
import { REQUEST_SCHEMAS, type Feed, type WireRequest } from '../../shared/protocol.ts';
import type { Principal } from '../auth/auth.service.ts';
import type { ServiceError } from '../errors.ts';
import { answer } from '../realtime/socket-kit.ts';
import { watchStage, watchedFeed } from '../realtime/stage-feeds.ts';
import { entryFor, runEntry } from './dispatch.ts';
import type { ServedTable } from './requests.ts';
import type { RequestConnection } from './table.ts';

export const WIRE_REQUESTS = Object.keys(REQUEST_SCHEMAS) as WireRequest[];

/**
 * All the adapter needs of a connection: a way to hear its requests, and what requests may do to
 * it. socket.io's sockets are one kind; tests use an in-memory pair whose delivery order they control.
 */
export interface RequestSocket {
  /** Calls `handler` with each `event` the client sends: its payload and its acknowledgement callback. */
  on(event: WireRequest, handler: (req: unknown, ack: unknown) => void): void;
  readonly address: string;
  readonly conn: RequestConnection;
}

export type SocketAdapterOptions = {
  /** Who sends, asked on every request (so a logout takes effect on open sockets at once). */
  principal: () => Principal | null;
  /** The answer to a request this endpoint does not serve. */
  unserved: (wire: WireRequest) => ServiceError;
};

/** Serves a request table on one connection: each event goes through the same steps as HTTP. */
export function serveRequests(socket: RequestSocket, table: ServedTable, o: SocketAdapterOptions): void {
  for (const wire of WIRE_REQUESTS) {
    socket.on(wire, (req, ack) =>
      answer(ack, () => {
        const principal = o.principal();
        const { name, entry } = entryFor(table, wire, req, principal, o.unserved);
        return runEntry(entry, name, req ?? {}, { principal, conn: socket.conn, address: socket.address });
      }),
    );
  }
}

/** A socket.io socket as the adapter sees it; rooms and the watched stage are socket.io's. */
export function socketIoRequests(socket: Socket): RequestSocket {
  const closers: (() => void)[] = [];
  socket.once('disconnect', () => closers.forEach((f) => f()));
  socket.onAny((event: string) => {
    if (!(WIRE_REQUESTS as string[]).includes(event)) console.warn(`ignored unknown socket event "${String(event).slice(0, 40)}"`);
  });
  return {
    on: (event, handler) => void socket.on(event, handler),
    address: socket.handshake.address,
    conn: {
      watch: (stageId: string, feed: Feed) => watchStage(socket, stageId, feed),
      feed: () => watchedFeed(socket),
      join: (room) => void socket.join(room),
      leave: (room) => void socket.leave(room),
      data: {},
      onClose: (fn) => void closers.push(fn),
    },
  };
}

/** Serves a table on a socket.io socket. */
export const serveSocket = (socket: Socket, table: ServedTable, o: SocketAdapterOptions) => serveRequests(socketIoRequests(socket), table, o);
