import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, ProgrammePayload, Snapshot } from '../../shared/protocol.ts';
import { loginToken, socketClient, startTestServer, type TestClient, type TestServer } from '../support/server.ts';

let server: TestServer;
let token: string;
const open: TestClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
  token = await loginToken(server.url);
});
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
});
afterAll(() => server.close());

async function client(withToken = true) {
  const c = await socketClient(server.url, withToken ? token : undefined);
  open.push(c);
  return c;
}
const watch = (c: TestClient) => c.emitWithAck('stage:watch', { stageId: 'main' }) as Promise<Ack<Snapshot>>;
const control = (c: TestClient, req: unknown) => c.emitWithAck('control', req) as Promise<Ack<Snapshot>>;
const nextState = (c: TestClient) => new Promise<Snapshot>((r) => c.once('state', r));

describe('socket protocol', () => {
  it('sends the programme on connect and a full snapshot on watch', async () => {
    const { io } = await import('socket.io-client');
    const c: TestClient = io(server.url, { transports: ['websocket'], forceNew: true });
    open.push(c);
    // Listening before the connection opens: the programme is the first thing the server sends.
    const programme = await new Promise<ProgrammePayload>((r) => c.once('programme', r));
    expect(programme.programme.segments.length).toBe(17);
    const w = await watch(c);
    expect(w.ok && w.data.stageId).toBe('main');
  });

  it('one client acts, both see the same new snapshot', async () => {
    const [mc, viewer] = [await client(), await client(false)];
    const seen = await watch(viewer);
    await watch(mc);
    const v = seen.ok ? seen.data.version : -1;
    const pushed = Promise.all([nextState(mc), nextState(viewer)]);
    const ack = await control(mc, { command: { type: 'message', text: 'Còn 2 phút' }, expectedVersion: v });
    expect(ack.ok).toBe(true);
    const [a, b] = await pushed;
    expect(a).toEqual(b);
    expect(b.version).toBe(v + 1);
    expect(b.message?.text).toBe('Còn 2 phút');
  });

  it('two consoles pressing Next at the same moment advance exactly once', async () => {
    const [a, b, viewer] = [await client(), await client(), await client(false)];
    const w = await watch(viewer);
    await Promise.all([watch(a), watch(b)]);
    const version = w.ok ? w.data.version : -1;
    const states: Snapshot[] = [];
    viewer.on('state', (s) => states.push(s));
    const req = { command: { type: 'next' }, expectedVersion: version };
    const [ra, rb] = await Promise.all([control(a, req), control(b, req)]);
    const oks = [ra, rb].filter((r) => r.ok);
    const refused = [ra, rb].filter((r) => !r.ok);
    expect(oks).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(!refused[0]!.ok && refused[0]!.error.code).toBe('stale_version');
    await new Promise((r) => setTimeout(r, 100));
    expect(states.map((s) => s.version)).toEqual([version + 1]);
  });

  it('refuses control from an anonymous socket and validates every payload', async () => {
    const anon = await client(false);
    const r = await control(anon, { command: { type: 'next' } });
    expect(!r.ok && r.error.code).toBe('unauthorized');
    const mc = await client();
    for (const bad of [null, 42, 'next', { command: { type: 'warp' } }, { command: { type: 'next' }, extra: 1 }, { command: { type: 'add-time', ms: 1e12 } }]) {
      const res = await control(mc, bad);
      expect(!res.ok && res.error.code).toBe('bad_request');
    }
    const ping = (await mc.emitWithAck('clock:ping', { t0: 'x' })) as Ack<unknown>;
    expect(ping.ok).toBe(false);
  });

  it('answers clock pings with the server time', async () => {
    const c = await client(false);
    const t0 = Date.now();
    const r = (await c.emitWithAck('clock:ping', { t0 })) as Ack<{ t0: number; serverTime: number }>;
    const t1 = Date.now();
    expect(r.ok && r.data.t0).toBe(t0);
    if (r.ok) {
      expect(r.data.serverTime).toBeGreaterThanOrEqual(t0);
      expect(r.data.serverTime).toBeLessThanOrEqual(t1);
    }
  });

  it('refuses a client speaking another protocol version', async () => {
    const { io } = await import('socket.io-client');
    const s = io(server.url, { transports: ['websocket'], auth: { protocol: 99 }, reconnection: false, forceNew: true });
    const err = await new Promise<Error>((r) => s.once('connect_error', r));
    s.close();
    expect(err.message).toContain('protocol_mismatch');
  });
});
