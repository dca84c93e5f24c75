import type { Socket } from 'socket.io';
import { REQUEST_SCHEMAS, type Feed, type WireRequest } from '../../shared/protocol.ts';
import type { Principal } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { answer } from '../realtime/socket-kit.ts';
import { watchStage, watchedFeed } from '../realtime/stage-feeds.ts';
import { budgetOf, buckets, UNKNOWN_EVENT_BUDGET } from './budget.ts';
import { entryFor, requestNameOf, runEntry } from './dispatch.ts';
import type { ServedTable } from './requests.ts';
import type { Entry, RequestConnection } from './table.ts';

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
  /** Ends the connection (after the acknowledgement already given has gone out). */
  close(): void;
}

export type SocketAdapterOptions = {
  /** Who sends, asked on every request (so a logout takes effect on open sockets at once). */
  principal: () => Principal | null;
  /** The answer to a request this endpoint does not serve. */
  unserved: (wire: WireRequest) => ServiceError;
  /** Monotonic milliseconds for the budgets (tests pass their own). */
  clock?: () => number;
};

/** Serves a request table on one connection: each event goes through the same steps as HTTP. */
export function serveRequests(socket: RequestSocket, table: ServedTable, o: SocketAdapterOptions): void {
  const budgets = buckets(o.clock);
  let flooded = false;
  for (const wire of WIRE_REQUESTS) {
    socket.on(wire, (req, ack) => {
      if (flooded) return;
      answer(ack, () => {
        // The budget first, before any parsing: a flood costs the server as little as possible.
        const name = requestNameOf(wire, req);
        const principal = o.principal();
        const budget = budgetOf((name && (table[name] as Entry | undefined)?.budget) ?? UNKNOWN_EVENT_BUDGET, principal !== null);
        if (!budgets.take(name ?? wire, budget)) {
          // Told once, in this answer; then the connection ends and nothing more is read from it.
          flooded = true;
          console.warn(`closing a connection from ${socket.address} that sent ${name ?? wire} faster than ${budget.perSecond}/s`);
          setImmediate(() => socket.close());
          throw new ServiceError('rate_limited', `too many ${name ?? wire} requests; this connection is closed`);
        }
        const found = entryFor(table, wire, req, principal, o.unserved);
        return runEntry(found.entry, found.name, req ?? {}, { principal, conn: socket.conn, address: socket.address });
      });
    });
  }
}

/** A socket.io socket as the adapter sees it; rooms and the watched stage are socket.io's. */
export function socketIoRequests(socket: Socket): RequestSocket {
  const closers: (() => void)[] = [];
  socket.once('disconnect', () => closers.forEach((f) => f()));
  const unknown = buckets();
  socket.onAny((event: string) => {
    if ((WIRE_REQUESTS as string[]).includes(event)) return;
    if (!unknown.take('unknown', UNKNOWN_EVENT_BUDGET)) socket.disconnect(true);
    else console.warn(`ignored unknown socket event "${event.slice(0, 40)}"`);
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
    close: () => void socket.disconnect(true),
  };
}

/** Serves a table on a socket.io socket. */
export const serveSocket = (socket: Socket, table: ServedTable, o: SocketAdapterOptions) => serveRequests(socketIoRequests(socket), table, o);
