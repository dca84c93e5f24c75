import type { Server, Socket } from 'socket.io';
import { runStateOf, type Feed, type RunState, type Snapshot } from '../../shared/protocol.ts';
import { slicedSender } from '../fanout/sliced-sender.ts';
import { keepReaders } from './slow-consumers.ts';

/** Sockets per slice of a stage broadcast (see slicedSender); measured in docs/BENCHMARKS.md (issue 8). */
const BROADCAST_SLICE = 250;

/** One room per stage and feed: the whole snapshot, or the run state alone. */
export const stageRoom = (stageId: string, feed: Feed) => (feed === 'snapshot' ? `stage:${stageId}` : `stage:${stageId}:run`);

type Watcher = Socket<never, never, never, { watching?: string | null }>;

/** Puts a socket in the room of one stage and feed, leaving whatever it watched before. */
export function watchStage(socket: Socket, stageId: string, feed: Feed): void {
  const s = socket as unknown as Watcher;
  if (s.data.watching) void s.leave(s.data.watching);
  s.data.watching = stageRoom(stageId, feed);
  void s.join(s.data.watching);
}

/**
 * Sends each change of a stage to the sockets watching it, in the form their feed asked for, a
 * slice at a time (newest wins), dropping sockets that stopped reading.
 */
export function stageFeeds(io: Server): (snapshot: Snapshot) => void {
  const members = (name: string) => [...(io.sockets.adapter.rooms.get(name) ?? [])];
  // Each socket is in the room named by its id; the packet is encoded once per slice.
  const sender = <T>(event: 'state' | 'run') =>
    slicedSender<T>(
      {
        members,
        send: (ids, value) => {
          const readers = keepReaders(io, ids);
          if (readers.length > 0) io.to(readers).emit(event, value);
        },
      },
      BROADCAST_SLICE,
    );
  const snapshots = sender<Snapshot>('state');
  const runs = sender<RunState>('run');
  return (snapshot) => {
    runs(stageRoom(snapshot.stageId, 'run'), runStateOf(snapshot));
    snapshots(stageRoom(snapshot.stageId, 'snapshot'), snapshot);
  };
}
