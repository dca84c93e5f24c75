import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Programme } from '../../shared/model/programme.schema.ts';
import type { ProgrammePayload, Snapshot } from '../../shared/protocol.ts';
import { at, makeProgramme, MIN } from '../support/factories.ts';
import { loginToken, startTestServer, useTestServer } from '../support/server.ts';

let clock = at('17:00');
beforeEach(() => {
  clock = at('17:00');
});
const server = useTestServer(
  {
    programme: makeProgramme([
      ['17:00', 15, { title: 'Ca nhạc' }],
      [null, 5, { title: 'Tuyên bố lý do' }],
      [null, 10, { title: 'Phát biểu khai mạc' }],
    ]),
    now: () => clock,
  },
  { each: true },
);

const auth = () => ({ 'content-type': 'application/json', authorization: `Bearer ${server.token}` });
const control = async (action: string, body: unknown = {}) =>
  (await (await fetch(`${server.url}/api/v1/control/${action}`, { method: 'POST', headers: auth(), body: JSON.stringify(body) })).json()) as Snapshot;
const current = async () => (await (await fetch(`${server.url}/api/v1/programme`)).json()) as ProgrammePayload;
const put = (programme: Programme, expectedRevision?: number) =>
  fetch(`${server.url}/api/v1/programme`, { method: 'PUT', headers: auth(), body: JSON.stringify({ programme, expectedRevision }) });
const state = async () => (await (await fetch(`${server.url}/api/v1/state`)).json()) as Snapshot;

describe('editing the programme during the show', () => {
  it("changing the running segment's duration changes its remaining time at once, on every screen", async () => {
    await control('start');
    clock += 5 * MIN;
    expect((await state()).remainingMs).toBe(10 * MIN);
    const screen = await server.client('');
    await screen.emitWithAck('stage:watch', {});
    const pushed = new Promise<Snapshot>((resolve) => screen.on('state', (s) => s.programmeRevision === 2 && resolve(s)));
    const { programme, revision } = await current();
    const longer = { ...programme, segments: programme.segments.map((s, i) => (i === 0 ? { ...s, durationMin: 25 } : s)) };
    const r = await put(longer, revision);
    expect(r.status).toBe(200);
    const snap = await pushed;
    screen.close();
    expect(snap.currentId).toBe('s1');
    expect(snap.remainingMs).toBe(20 * MIN);
    expect((await state()).remainingMs).toBe(20 * MIN);
  });

  it('removing the running segment is refused with a reason, and nothing changes', async () => {
    await control('start');
    const { programme, revision } = await current();
    const r = await put({ ...programme, segments: programme.segments.slice(1) }, revision);
    expect(r.status).toBe(409);
    const body = (await r.json()) as { error: { code: string; message: string; details: { segmentId: string } } };
    expect(body.error.code).toBe('segment_running');
    expect(body.error.message).toMatch(/Ca nhạc/);
    expect(body.error.details.segmentId).toBe('s1');
    expect((await current()).revision).toBe(revision);
    // Once it has ended it may go.
    await control('end');
    expect((await put({ ...programme, segments: programme.segments.slice(1) }, revision)).status).toBe(200);
  });

  it('reordering and removing segments that are not running is accepted; a stale revision is not', async () => {
    await control('start');
    const { programme, revision } = await current();
    const [a, b, c] = programme.segments;
    const ok = await put({ ...programme, segments: [a!, c!] }, revision);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as ProgrammePayload).revision).toBe(revision + 1);
    const stale = await put({ ...programme, segments: [a!, b!, c!] }, revision);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('stale_version');
  });

  it('an invalid programme is refused in plain words', async () => {
    const { programme } = await current();
    const r = await put({ ...programme, segments: programme.segments.map((s) => ({ ...s, durationMin: 0 })) });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/durationMin/);
  });

  it('the edit survives a restart from the same store file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ros-edit-')), 'db.sqlite');
    const first = await startTestServer({ programme: makeProgramme([['17:00', 15]]), dbFile: file });
    const t = await loginToken(first.url);
    const { programme, revision } = first.app.show.current();
    const r = await fetch(`${first.url}/api/v1/programme`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
      body: JSON.stringify({ programme: { ...programme, event: { ...programme.event, title: 'Đã sửa' } }, expectedRevision: revision }),
    });
    expect(r.status).toBe(200);
    await first.close();
    const second = await startTestServer({ programme: makeProgramme([['09:00', 5]]), dbFile: file });
    const stored = (await (await fetch(`${second.url}/api/v1/programme`)).json()) as ProgrammePayload;
    await second.close();
    expect(stored.programme.event.title).toBe('Đã sửa');
    expect(stored.revision).toBe(revision + 1);
  });
});
