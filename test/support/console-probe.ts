import type { Ack, Snapshot } from '../../shared/protocol.ts';
import type { TestClient } from './server.ts';

export type ProbeResult = { count: number; timeouts: number; p50: number; p95: number; max: number };

/**
 * A logged-in console pressing a control (a message, so the show is not moved) every `everyMs`
 * while something else goes on; each press's acknowledgement time is what the MC would feel.
 */
export function controlProbe(mc: TestClient, startVersion: number, everyMs = 50, timeoutMs = 5000) {
  const times: number[] = [];
  let timeouts = 0;
  let version = startVersion;
  let running = true;
  const loop = (async () => {
    let i = 0;
    while (running) {
      const sent = performance.now();
      try {
        const ack = (await mc.timeout(timeoutMs).emitWithAck('control', {
          command: { type: 'message', text: `Còn ${(i++ % 5) + 1} phút` },
          expectedVersion: version,
        })) as Ack<Snapshot>;
        times.push(performance.now() - sent);
        if (ack.ok) version = ack.data.version;
        else if (ack.error.code === 'stale_version') version = (ack.error.details as { version: number }).version;
      } catch {
        timeouts++;
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async (): Promise<ProbeResult> => {
      running = false;
      await loop;
      const s = [...times].sort((a, b) => a - b);
      const q = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN);
      return { count: s.length, timeouts, p50: q(0.5), p95: q(0.95), max: Math.round(s[s.length - 1] ?? NaN) };
    },
  };
}
