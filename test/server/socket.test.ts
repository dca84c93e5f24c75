import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deriveStageView } from '../../shared/engine/view.ts';
import type { Ack, ProgrammePayload, RunState, Snapshot } from '../../shared/protocol.ts';
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

  it('the run feed sends the run state alone, from which the full snapshot derives exactly', async () => {
    const [mc, phone] = [await client(), await client(false)];
    const w = (await phone.emitWithAck('stage:watch', { stageId: 'main', feed: 'run' })) as Ack<RunState>;
    if (!w.ok) throw new Error(w.error.message);
    expect(w.data).not.toHaveProperty('segments');
    expect(Object.keys(w.data).sort()).toEqual(['programmeRevision', 'protocol', 'run', 'serverTime', 'stageId', 'version']);
    const programme = (await mc.emitWithAck('stage:watch', { stageId: 'main' })) as Ack<Snapshot>;
    if (!programme.ok) throw new Error('watch failed');
    let states = 0;
    phone.on('state', () => states++);
    const pushed = new Promise<RunState>((r) => phone.once('run', r));
    const full = nextState(mc);
    const ack = await control(mc, { command: { type: 'next' }, expectedVersion: w.data.version });
    expect(ack.ok).toBe(true);
    const [run, snap] = await Promise.all([pushed, full]);
    expect(run.version).toBe(w.data.version + 1);
    expect(run.run).toEqual(snap.run);
    const plan = server.app.show.programmePayload().plan;
    const { protocol: _p, version: _v, programmeRevision: _r, serverTime: _t, run: _run, current: _c, next: _n, ...view } = snap;
    expect(deriveStageView(plan, 'main', run.run, snap.serverTime)).toEqual(view);
    expect(JSON.stringify(run).length).toBeLessThan(JSON.stringify(snap).length / 3);
    expect(states).toBe(0);
  });

  it('watching again with another feed or stage replaces the earlier watch', async () => {
    const [mc, screen] = [await client(), await client(false)];
    await screen.emitWithAck('stage:watch', { stageId: 'main', feed: 'run' });
    await screen.emitWithAck('stage:watch', { stageId: 'main' });
    const w = await watch(mc);
    const got: string[] = [];
    screen.on('state', () => got.push('state'));
    screen.on('run', () => got.push('run'));
    const pushed = nextState(screen);
    await control(mc, { command: { type: 'message', text: 'x' }, expectedVersion: w.ok ? w.data.version : -1 });
    await pushed;
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual(['state']);
  });

  it('refuses an unknown feed and keeps the earlier watch', async () => {
    const [mc, screen] = [await client(), await client(false)];
    await screen.emitWithAck('stage:watch', { stageId: 'main', feed: 'run' });
    const bad = (await screen.emitWithAck('stage:watch', { stageId: 'main', feed: 'everything' })) as Ack<unknown>;
    expect(bad.ok ? null : bad.error.code).toBe('bad_request');
    const w = await watch(mc);
    const pushed = new Promise<RunState>((r) => screen.once('run', r));
    await control(mc, { command: { type: 'message', text: 'y' }, expectedVersion: w.ok ? w.data.version : -1 });
    expect((await pushed).version).toBe((w.ok ? w.data.version : -1) + 1);
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
