import type { Server, Socket } from 'socket.io';
import { runStateOf, type Feed, type RunState, type Snapshot } from '../../shared/protocol.ts';
import { slicedSender } from './sliced-sender.ts';
import { keepReaders } from './slow-consumers.ts';

/** Sockets per slice of a stage broadcast (see slicedSender); measured in docs/BENCHMARKS.md (issue 8). */
const BROADCAST_SLICE = 250;

/** One room per stage and feed: the whole snapshot, or the run state alone. */
export const stageRoom = (stageId: string, feed: Feed) => (feed === 'snapshot' ? `stage:${stageId}` : `stage:${stageId}:run`);

/** `watching`: the one stage room this socket receives updates from, and in which feed. */
type WatchData = { watching?: { room: string; feed: Feed } };
const dataOf = (socket: Socket) => socket.data as WatchData;

/** Puts a socket in the room of one stage and feed, leaving whatever it watched before. */
export function watchStage(socket: Socket, stageId: string, feed: Feed): void {
  const d = dataOf(socket);
  if (d.watching) void socket.leave(d.watching.room);
  d.watching = { room: stageRoom(stageId, feed), feed };
  void socket.join(d.watching.room);
}

/** The feed a socket watches, if it watches a stage. */
export const watchedFeed = (socket: Socket): Feed | null => dataOf(socket).watching?.feed ?? null;

/**
 * Sends each change of a stage to the sockets watching it, in the form their feed asked for, a
 * slice at a time (newest wins), dropping sockets that stopped reading.
 */
export function stageFeeds(io: Server): (snapshot: Snapshot) => void {
  const members = (name: string) => [...(io.sockets.adapter.rooms.get(name) ?? [])];
  // Each socket is in the room named by its id; the packet is encoded once per slice.
  const sender = (event: 'state' | 'run') =>
    slicedSender<Snapshot | RunState>(
      {
        members,
        send: (ids, value) => {
          const readers = keepReaders(io, ids);
          if (readers.length > 0) io.to(readers).emit(event, value);
        },
      },
      BROADCAST_SLICE,
    );
  const snapshots = sender('state');
  const runs = sender('run');
  return (snapshot) => {
    runs(stageRoom(snapshot.stageId, 'run'), runStateOf(snapshot));
    snapshots(stageRoom(snapshot.stageId, 'snapshot'), snapshot);
  };
}
