import type { Socket } from 'socket.io';
import { REQUEST_SCHEMAS, type Feed, type WireRequest } from '../../shared/protocol.ts';
import type { Principal } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { answer } from '../realtime/socket-kit.ts';
import { watchStage, watchedFeed } from '../realtime/stage-feeds.ts';
import { entryFor, runEntry } from './dispatch.ts';
import type { ServedTable } from './requests.ts';
import type { RequestConnection } from './table.ts';

const WIRE = Object.keys(REQUEST_SCHEMAS) as WireRequest[];

export type SocketAdapterOptions = {
  /** Who sends, asked on every request (so a logout takes effect on open sockets at once). */
  principal: () => Principal | null;
  /** The answer to a request this endpoint does not serve. */
  unserved: (wire: WireRequest) => ServiceError;
};

/** What the requests may do to one socket. */
function connectionOf(socket: Socket): RequestConnection {
  const closers: (() => void)[] = [];
  socket.once('disconnect', () => closers.forEach((f) => f()));
  return {
    watch: (stageId: string, feed: Feed) => watchStage(socket, stageId, feed),
    feed: () => watchedFeed(socket),
    join: (room) => void socket.join(room),
    leave: (room) => void socket.leave(room),
    data: {},
    onClose: (fn) => void closers.push(fn),
  };
}

/** Serves a request table on one socket: each socket event goes through the same steps as HTTP. */
export function serveSocket(socket: Socket, table: ServedTable, o: SocketAdapterOptions): void {
  const conn = connectionOf(socket);
  const address = socket.handshake.address;
  for (const wire of WIRE) {
    socket.on(wire, (req: unknown, ack: unknown) =>
      answer(ack, () => {
        const principal = o.principal();
        const { name, entry } = entryFor(table, wire, req, principal, o.unserved);
        return runEntry(entry, name, req ?? {}, { principal, conn, address });
      }),
    );
  }
  socket.onAny((event: string) => {
    if (!(WIRE as string[]).includes(event)) console.warn(`ignored unknown socket event "${String(event).slice(0, 40)}"`);
  });
}
