import { describe, expect, it } from 'vitest';
import { clockSync } from '../../client/net/clock-sync.ts';
import type { ClockEstimate } from '../../client/net/clock.ts';
import { useTestServer } from '../support/server.ts';

// A server whose clock is 90 s ahead of this machine's: clients must follow the server, not themselves.
const SKEW = 90_000;
const server = useTestServer({ now: () => Date.now() + SKEW });

describe('client clock sync against a real server', () => {
  it('estimates the server clock within half the best round trip, and again after a reconnect', async () => {
    const socket = await server.client('');
    const estimates: ClockEstimate[] = [];
    const sync = clockSync(socket, (e) => estimates.push(e), { burst: 6, gapMs: 20, resyncMs: 60_000, timeoutMs: 2000 });
    try {
      await expect.poll(() => estimates.length, { timeout: 5000 }).toBeGreaterThanOrEqual(6);
      const best = estimates.at(-1)!;
      expect(Math.abs(best.offsetMs - SKEW)).toBeLessThanOrEqual(best.rttMs / 2 + 1);
      socket.disconnect();
      const before = estimates.length;
      socket.connect();
      await expect.poll(() => estimates.length, { timeout: 5000 }).toBeGreaterThanOrEqual(before + 6);
      expect(Math.abs(estimates.at(-1)!.offsetMs - SKEW)).toBeLessThanOrEqual(estimates.at(-1)!.rttMs / 2 + 1);
    } finally {
      sync.stop();
      socket.close();
    }
  });
});
