import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ProgrammePayload, RunState, Snapshot } from '../../shared/protocol.ts';
import { snapshotOf } from '../../shared/snapshot.ts';
import { loginToken, socketClient, startTestServer, type TestServer } from '../support/server.ts';

/** The audience's endpoint (`/live`) served by the main process, as without fan-out workers. */
let server: TestServer;
let token: string;
const open: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer();
  token = await loginToken(server.url);
});
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
});
afterAll(() => server.close());

function viewer(auth: Record<string, unknown> = { protocol: 1 }, transports: ('websocket' | 'polling')[] = ['websocket']): Promise<{ socket: Socket; programme: ProgrammePayload }> {
  const socket = io(server.url, { path: '/live', transports, auth, forceNew: true, reconnection: false });
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('programme', (programme: ProgrammePayload) => resolve({ socket, programme }));
    socket.once('connect_error', reject);
  });
}

async function mc() {
  const c = await socketClient(server.url, token);
  open.push(c as unknown as Socket);
  const w = (await c.emitWithAck('stage:watch', {})) as Ack<Snapshot>;
  if (!w.ok) throw new Error(w.error.message);
  return { c, version: w.data.version };
}

describe('/live endpoint', () => {
  it('sends the public programme on connect, without the MC notes', async () => {
    const { programme } = await viewer();
    expect(programme.programme.segments.length).toBe(17);
    expect(programme.programme.segments.every((s) => s.notes === '')).toBe(true);
    expect(server.app.show.programmePayload().programme.segments.some((s) => s.notes !== '')).toBe(true);
  });

  it('answers a watch with the same state as the main endpoint, and pushes every action in both feeds', async () => {
    const [{ socket: phone }, { socket: display }] = [await viewer(), await viewer(undefined, ['polling'])];
    const { c, version } = await mc();
    const w = (await phone.emitWithAck('stage:watch', { feed: 'run' })) as Ack<RunState>;
    const d = (await display.emitWithAck('stage:watch', { stageId: 'main' })) as Ack<Snapshot>;
    if (!w.ok || !d.ok) throw new Error('watch refused');
    expect(w.data.version).toBe(version);
    expect(w.data.run).toEqual(server.app.show.runState('main').run);
    // What the main process would derive at the same instant.
    expect(d.data).toEqual(snapshotOf(server.app.show.programmePayload(), server.app.show.runState('main'), d.data.serverTime));
    const run = new Promise<RunState>((r) => phone.once('run', r));
    const state = new Promise<Snapshot>((r) => display.once('state', r));
    const ack = (await c.emitWithAck('control', { command: { type: 'next' }, expectedVersion: version })) as Ack<Snapshot>;
    if (!ack.ok) throw new Error(ack.error.message);
    const [r, s] = await Promise.all([run, state]);
    expect(r.version).toBe(version + 1);
    expect(r.run).toEqual(ack.data.run);
    expect(s).toEqual(ack.data);
  });

  it('follows programme edits', async () => {
    const { socket: phone } = await viewer();
    const payload = server.app.show.programmePayload();
    const edited = structuredClone(payload.programme);
    edited.segments[0]!.title = 'Đón khách (đổi giờ)';
    const next = new Promise<ProgrammePayload>((r) => phone.once('programme', r));
    server.app.show.replaceProgramme(edited, payload.revision);
    const got = await next;
    expect(got.revision).toBe(payload.revision + 1);
    expect(got.programme.segments[0]!.title).toBe('Đón khách (đổi giờ)');
    expect(got.programme.segments.every((s) => s.notes === '')).toBe(true);
  });

  it('is read-only, checks the protocol version and validates watches', async () => {
    const { socket: phone } = await viewer();
    const r = (await phone.emitWithAck('control', { command: { type: 'next' } })) as Ack<unknown>;
    expect(r.ok ? null : r.error.code).toBe('forbidden');
    const bad = (await phone.emitWithAck('stage:watch', { stageId: 'nowhere' })) as Ack<unknown>;
    expect(bad.ok ? null : bad.error.code).toBe('not_found');
    const junk = (await phone.emitWithAck('stage:watch', { feed: 'all', extra: 1 })) as Ack<unknown>;
    expect(junk.ok ? null : junk.error.code).toBe('bad_request');
    await expect(viewer({ protocol: 99 })).rejects.toThrow(/protocol_mismatch/);
  });
});
