import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.ts';
import { addSample, estimateOffset, type ClockEstimate, type ClockSample } from './clock.ts';

export type ClockSyncOptions = {
  /** Pings sent right after each connect, `gapMs` apart, for a quick first estimate. */
  burst: number;
  gapMs: number;
  /** One ping this often afterwards, so a changed network path is followed. */
  resyncMs: number;
  timeoutMs: number;
};

/**
 * NTP-style offset estimation over `clock:ping`: a burst after every (re)connect, then a ping now
 * and then; each answer updates the min-RTT estimate. Samples of an earlier connection are dropped.
 */
export function clockSync(
  socket: Socket<ServerToClientEvents, ClientToServerEvents>,
  onEstimate: (e: ClockEstimate) => void,
  o: ClockSyncOptions,
): { stop(): void } {
  let samples: ClockSample[] = [];
  let burst: ReturnType<typeof setTimeout>[] = [];
  const ping = () => {
    if (!socket.connected) return;
    const t0 = Date.now();
    socket.timeout(o.timeoutMs).emit('clock:ping', { t0 }, (err: Error | null, r: Ack<{ t0: number; serverTime: number }>) => {
      if (err || !r.ok) return;
      samples = addSample(samples, { t0: r.data.t0, server: r.data.serverTime, t1: Date.now() });
      const est = estimateOffset(samples);
      if (est) onEstimate(est);
    });
  };
  const onConnect = () => {
    samples = [];
    burst.forEach(clearTimeout);
    burst = Array.from({ length: o.burst }, (_, i) => setTimeout(ping, i * o.gapMs));
  };
  socket.on('connect', onConnect);
  if (socket.connected) onConnect();
  const resync = setInterval(ping, o.resyncMs);
  return {
    stop() {
      clearInterval(resync);
      burst.forEach(clearTimeout);
      socket.off('connect', onConnect);
    },
  };
}
