import type { Server, Socket } from 'socket.io';

/** Bytes queued for one socket before it counts as dead or too slow to keep (≈ 250 full snapshots). */
export const SLOW_CONSUMER_CAP_BYTES = 1024 * 1024;
/** Packets engine.io holds while the transport is still busy with earlier ones. */
export const SLOW_CONSUMER_CAP_PACKETS = 200;

type ConnInternals = { writeBuffer?: unknown[]; transport?: { socket?: { bufferedAmount?: number } } };

/** What is queued for one socket: engine.io's own buffer and the websocket's unsent bytes. */
export function backlog(conn: unknown): { packets: number; bytes: number } {
  const c = conn as ConnInternals;
  return { packets: c.writeBuffer?.length ?? 0, bytes: c.transport?.socket?.bufferedAmount ?? 0 };
}

/**
 * A viewer that stops reading (a phone in a pocket with a dead radio, a hung player) would make the
 * server queue every snapshot for it forever. Each broadcast slice first drops the sockets whose
 * backlog passed the cap and sends only to the rest; a live socket that was dropped reconnects
 * and gets a fresh snapshot.
 */
export function keepReaders(
  io: Server,
  ids: readonly string[],
  cap = { bytes: SLOW_CONSUMER_CAP_BYTES, packets: SLOW_CONSUMER_CAP_PACKETS },
): string[] {
  const keep: string[] = [];
  for (const id of ids) {
    const socket = io.sockets.sockets.get(id);
    if (!socket) continue;
    const b = backlog(socket.conn);
    if (b.bytes > cap.bytes || b.packets > cap.packets) {
      console.warn(`dropping a slow viewer: ${b.bytes} bytes and ${b.packets} packets queued`);
      socket.disconnect(true);
    } else keep.push(id);
  }
  return keep;
}

/**
 * Checks the backlog on every packet sent to this socket (acknowledgements, programme pushes,
 * broadcasts alike), not only inside a stage broadcast: a client that asks and never reads is cut
 * off as soon as its unread answers pass the cap.
 */
export function capBacklog(socket: Socket, cap = { bytes: SLOW_CONSUMER_CAP_BYTES, packets: SLOW_CONSUMER_CAP_PACKETS }): void {
  let dropping = false;
  socket.conn.on('packetCreate', () => {
    if (dropping) return;
    const b = backlog(socket.conn);
    if (b.bytes <= cap.bytes && b.packets <= cap.packets) return;
    dropping = true;
    console.warn(`dropping a connection from ${socket.handshake.address} that does not read: ${b.bytes} bytes and ${b.packets} packets queued`);
    // Not from inside engine.io's send: the packet being written is queued first.
    setImmediate(() => {
      socket.disconnect(true);
      // A peer that reads nothing would hold the closing handshake open; its buffers go now.
      (socket.conn as { transport?: { socket?: { terminate?: () => void } } }).transport?.socket?.terminate?.();
    });
  });
}
