import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { ProgrammePayload, RunState, Snapshot } from '../../shared/protocol.ts';
import { ask, askRaw, codeOf, expectOk, watchSnapshot, type TypedClient } from '../support/client.ts';
import { snapshotOf } from '../../shared/snapshot.ts';
import { socketClient, useTestServer } from '../support/server.ts';

/** The audience's endpoint (`/live`) served by the main process, as without fan-out workers. */
const open: TypedClient[] = [];
const server = useTestServer();
afterEach(() => {
  open.splice(0).forEach((c) => c.close());
});

function viewer(auth: Record<string, unknown> = { protocol: 1 }, transports: ('websocket' | 'polling')[] = ['websocket']): Promise<{ socket: TypedClient; programme: ProgrammePayload }> {
  const socket: TypedClient = io(server.url, { path: '/live', transports, auth, forceNew: true, reconnection: false });
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('programme', (programme: ProgrammePayload) => resolve({ socket, programme }));
    socket.once('connect_error', reject);
  });
}

async function mc() {
  const c = await socketClient(server.url, server.token);
  open.push(c);
  return { c, version: expectOk(await ask(c, 'stage:watch', {})).version };
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
    const w = expectOk(await ask(phone, 'stage:watch', { feed: 'run' }));
    const d = await watchSnapshot(display, 'main');
    expect(w.version).toBe(version);
    expect(w.run).toEqual(server.app.show.runState('main').run);
    // What the main process would derive at the same instant.
    expect(d).toEqual(snapshotOf(server.app.show.programmePayload(), server.app.show.runState('main'), d.serverTime));
    const run = new Promise<RunState>((r) => phone.once('run', r));
    const state = new Promise<Snapshot>((r) => display.once('state', r));
    const ack = expectOk(await ask(c, 'control', { command: { type: 'next' }, expectedVersion: version }));
    const [r, s] = await Promise.all([run, state]);
    expect(r.version).toBe(version + 1);
    expect(r.run).toEqual(ack.run);
    expect(s).toEqual(ack);
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
    expect(codeOf(await ask(phone, 'control', { command: { type: 'next' } }))).toBe('forbidden');
    expect(codeOf(await ask(phone, 'screen:pair', { width: 10, height: 10 }))).toBe('forbidden');
    expect(codeOf(await ask(phone, 'stage:watch', { stageId: 'nowhere' }))).toBe('not_found');
    expect(codeOf(await askRaw(phone, 'stage:watch', { feed: 'all', extra: 1 }))).toBe('bad_request');
    await expect(viewer({ protocol: 99 })).rejects.toThrow(/protocol_mismatch/);
  });
});
