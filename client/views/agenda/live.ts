import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../../shared/protocol-version.ts';
import type { Ack, ClientToServerEvents, ProgrammePayload, RunState, ServerToClientEvents } from '../../../shared/protocol.ts';
import { clockSync } from '../../net/clock-sync.ts';

export type LinkState = 'connecting' | 'online' | 'offline';

export type LiveHandlers = {
  runState(s: RunState): void;
  programme(p: ProgrammePayload): void;
  link(state: LinkState): void;
  /** serverTime ≈ Date.now() + offsetMs */
  clock(offsetMs: number): void;
};

export type Live = { watch(stageId: string): void; close(): void };
export type ConnectLive = (stageId: string, h: LiveHandlers) => Live;

/**
 * The read-only side of the socket protocol for phones: watch every stage, follow the programme,
 * estimate the server clock. No token and no control, so none of the consoles' code comes along.
 * After any reconnect (or the phone waking up) it asks for the whole run state again.
 */
export const connectLive: ConnectLive = (initialStage, h) => {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io('/', {
    // The audience's read-only endpoint, which a large venue server spreads over fan-out workers.
    path: '/live',
    auth: { protocol: PROTOCOL_VERSION },
    // A websocket first (one round trip less on a slow link), long polling where a proxy blocks it.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
  });
  let stageId = initialStage;
  const clock = clockSync(socket, (e) => h.clock(e.offsetMs), { burst: 4, gapMs: 250, resyncMs: 60_000, timeoutMs: 10_000 });
  const watch = (id: string) => {
    stageId = id;
    if (!socket.connected) return;
    // Every stage's run feed: the stage tabs and the "all stages" view stay live without re-watching.
    socket.timeout(15_000).emit('stages:watch', {}, (err: Error | null, r: Ack<RunState[]>) => {
      if (!err && r.ok) for (const state of r.data) h.runState(state);
    });
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') watch(stageId);
  };
  document.addEventListener('visibilitychange', onVisible);

  socket.on('connect', () => {
    h.link('online');
    watch(stageId);
  });
  socket.on('disconnect', (reason) => {
    h.link('offline');
    // socket.io leaves a server-side disconnect to the app; a phone should simply come back.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 2000 + Math.random() * 3000);
  });
  socket.on('connect_error', () => h.link('offline'));
  socket.io.on('reconnect_attempt', () => h.link('connecting'));
  socket.on('run', (s) => h.runState(s));
  socket.on('programme', (p) => h.programme(p));

  return {
    watch,
    close() {
      clock.stop();
      document.removeEventListener('visibilitychange', onVisible);
      socket.close();
    },
  };
};
