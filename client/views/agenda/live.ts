import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../../shared/protocol-version.ts';
import type { Ack, ClientToServerEvents, ProgrammePayload, ServerToClientEvents, Snapshot } from '../../../shared/protocol.ts';
import { addSample, estimateOffset, type ClockSample } from '../../net/clock.ts';

export type LinkState = 'connecting' | 'online' | 'offline';

export type LiveHandlers = {
  snapshot(s: Snapshot): void;
  programme(p: ProgrammePayload): void;
  link(state: LinkState): void;
  /** serverTime ≈ Date.now() + offsetMs */
  clock(offsetMs: number): void;
};

export type Live = { watch(stageId: string): void; close(): void };
export type ConnectLive = (stageId: string, h: LiveHandlers) => Live;

const BURST = 4;
const BURST_GAP_MS = 250;
const RESYNC_MS = 60_000;

/**
 * The read-only side of the socket protocol for phones: watch one stage, follow the programme,
 * estimate the server clock. No token and no control, so none of the consoles' code comes along.
 * After any reconnect (or the phone waking up) it asks for a whole snapshot again.
 */
export const connectLive: ConnectLive = (initialStage, h) => {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io('/', {
    auth: { protocol: PROTOCOL_VERSION },
    // A websocket first (one round trip less on a slow link), long polling where a proxy blocks it.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
  });
  let stageId = initialStage;
  let samples: ClockSample[] = [];
  let burst: ReturnType<typeof setTimeout>[] = [];

  const ping = () => {
    if (!socket.connected) return;
    const t0 = Date.now();
    socket.timeout(10_000).emit('clock:ping', { t0 }, (err: Error | null, r: Ack<{ t0: number; serverTime: number }>) => {
      if (err || !r.ok) return;
      samples = addSample(samples, { t0: r.data.t0, server: r.data.serverTime, t1: Date.now() });
      const est = estimateOffset(samples);
      if (est) h.clock(est.offsetMs);
    });
  };
  const watch = (id: string) => {
    stageId = id;
    if (!socket.connected) return;
    socket.timeout(15_000).emit('stage:watch', { stageId: id }, (err: Error | null, r: Ack<Snapshot>) => {
      if (!err && r.ok) h.snapshot(r.data);
    });
  };
  const resync = setInterval(ping, RESYNC_MS);
  const onVisible = () => {
    if (document.visibilityState === 'visible') watch(stageId);
  };
  document.addEventListener('visibilitychange', onVisible);

  socket.on('connect', () => {
    h.link('online');
    samples = [];
    watch(stageId);
    burst.forEach(clearTimeout);
    burst = Array.from({ length: BURST }, (_, i) => setTimeout(ping, i * BURST_GAP_MS));
  });
  socket.on('disconnect', (reason) => {
    h.link('offline');
    // socket.io leaves a server-side disconnect to the app; a phone should simply come back.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 2000 + Math.random() * 3000);
  });
  socket.on('connect_error', () => h.link('offline'));
  socket.io.on('reconnect_attempt', () => h.link('connecting'));
  socket.on('state', (s) => h.snapshot(s));
  socket.on('programme', (p) => h.programme(p));

  return {
    watch,
    close() {
      clearInterval(resync);
      burst.forEach(clearTimeout);
      document.removeEventListener('visibilitychange', onVisible);
      socket.close();
    },
  };
};
