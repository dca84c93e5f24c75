import { afterEach, describe, expect, it } from 'vitest';
import { deriveStageView } from '../../shared/engine/view.ts';
import type { ControlRequest, ProgrammePayload, RunState, Snapshot } from '../../shared/protocol.ts';
import { ask, askRaw, codeOf, expectOk } from '../support/client.ts';
import { socketClient, type TestClient, useTestServer } from '../support/server.ts';

const open: TestClient[] = [];
const server = useTestServer();
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
});

async function client(withToken = true) {
  const c = await socketClient(server.url, withToken ? server.token : undefined);
  open.push(c);
  return c;
}
const watch = (c: TestClient) => ask(c, 'stage:watch', { stageId: 'main' });
const control = (c: TestClient, req: ControlRequest) => ask(c, 'control', req);
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
    const w = await ask(phone, 'stage:watch', { stageId: 'main', feed: 'run' });
    if (!w.ok) throw new Error(w.error.message);
    expect(w.data).not.toHaveProperty('segments');
    expect(Object.keys(w.data).sort()).toEqual(['programmeRevision', 'protocol', 'run', 'serverTime', 'stageId', 'version']);
    expectOk(await ask(mc, 'stage:watch', { stageId: 'main' }));
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

  it('answers control in the form the socket watches: the run state on the run feed, the snapshot otherwise', async () => {
    const [console_, script] = [await client(), await client()];
    const w = expectOk(await ask(console_, 'stage:watch', { stageId: 'main', feed: 'run' }));
    const small = expectOk(await control(console_, { command: { type: 'message', text: 'a' }, expectedVersion: w.version }));
    expect(Object.keys(small).sort()).toEqual(['programmeRevision', 'protocol', 'run', 'serverTime', 'stageId', 'version']);
    const full = expectOk(await control(script, { command: { type: 'message', text: 'b' }, expectedVersion: small.version }));
    expect(full).toHaveProperty('remainingMs');
    expect(full).toHaveProperty('segments');
  });

  it('refuses an unknown feed and keeps the earlier watch', async () => {
    const [mc, screen] = [await client(), await client(false)];
    await screen.emitWithAck('stage:watch', { stageId: 'main', feed: 'run' });
    expect(codeOf(await askRaw(screen, 'stage:watch', { stageId: 'main', feed: 'everything' }))).toBe('bad_request');
    const w = await watch(mc);
    const pushed = new Promise<RunState>((r) => screen.once('run', r));
    await control(mc, { command: { type: 'message', text: 'y' }, expectedVersion: w.ok ? w.data.version : -1 });
    expect((await pushed).version).toBe((w.ok ? w.data.version : -1) + 1);
  });

  it('refuses control from an anonymous socket and validates every payload', async () => {
    const anon = await client(false);
    const r = await control(anon, { command: { type: 'next' } });
    expect(!r.ok && r.error.code).toBe('unauthorized');
    const mc = await client();
    for (const bad of [null, 42, 'next', { command: { type: 'warp' } }, { command: { type: 'next' }, extra: 1 }, { command: { type: 'add-time', ms: 1e12 } }]) {
      expect(codeOf(await askRaw(mc, 'control', bad))).toBe('bad_request');
    }
    expect(codeOf(await askRaw(mc, 'clock:ping', { t0: 'x' }))).toBe('bad_request');
  });

  it('answers clock pings with the server time', async () => {
    const c = await client(false);
    const t0 = Date.now();
    const r = await ask(c, 'clock:ping', { t0 });
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
