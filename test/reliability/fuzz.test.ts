import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/protocol.ts';
import { loginToken, socketClient, startTestServer, type TestServer } from '../support/server.ts';
import { fuzzServer } from './fuzz.ts';
import { ask } from '../support/client.ts';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await loginToken(server.url);
  // A show in progress, so stale versions exist to replay.
  for (const action of ['start', 'next', 'add-time']) {
    await fetch(`${server.url}/api/v1/control/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(action === 'add-time' ? { ms: 60_000 } : {}),
    });
  }
});
afterAll(() => server.close());

const state = async () => {
  const s = (await (await fetch(`${server.url}/api/v1/state`)).json()) as Snapshot;
  const { serverTime: _t, remainingMs: _r, segments, ...rest } = s;
  return { ...rest, segments: segments.map(({ projectedStart: _a, projectedEnd: _b, deltaMs: _c, ...x }) => x) };
};

describe('hostile socket messages', () => {
  it('5,000 random and hostile messages change nothing and the server keeps answering', async () => {
    const before = await state();
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    let result;
    try {
      result = await fuzzServer(server.url, token, 5000, 20251123, 120_000);
    } finally {
      console.warn = warn;
    }
    expect(result.sent).toBe(5000);
    // Sent as fast as the client can, so the per-connection budgets close the socket again and
    // again (told once with rate_limited, each time); it keeps being answered between closes.
    expect(result.reconnects).toBeGreaterThan(0);
    expect(result.acks).toBeGreaterThan(100);
    // Unknown event names were logged, not handled.
    expect(warnings.some((w) => String(w).includes('ignored unknown socket event'))).toBe(true);
    expect(await state()).toEqual(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 180_000);

  it('2,000 more on the audience endpoint /live change nothing either', async () => {
    const before = await state();
    const result = await fuzzServer(server.url, token, 2000, 20261123, 60_000, '/live');
    expect(result.sent).toBe(2000);
    // ~5 % of the messages are answerable events asking for an answer here (3 of the 16 named);
    // the budgets close the flooding socket now and then, losing a few answers.
    expect(result.acks).toBeGreaterThan(15);
    expect(await state()).toEqual(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const phone = await socketClient(server.url, undefined, '/live');
    const w = await ask(phone, 'stage:watch', { feed: 'run' });
    expect(w.ok && w.data.version).toBe(before.version);
    phone.close();
  }, 120_000);
});
