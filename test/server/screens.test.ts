import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScreenInfo, ScreenPairing } from '../../shared/model/screen.schema.ts';
import { screensRepository } from '../../server/screens/screens.repository.ts';
import { MAX_SCREENS, PENDING_PER_ADDRESS, ScreensService } from '../../server/screens/screens.service.ts';
import { openDb } from '../../server/store/db.ts';
import { ask, askRaw, codeOf, expectOk, nextEvent } from '../support/client.ts';
import { loginToken, socketClient, startTestServer, type TestClient, type TestServer } from '../support/server.ts';

const TECH_PASSWORD = 'tech-password-1';
const MC_PASSWORD = 'mc-password-12';

let server: TestServer | null = null;
let clients: TestClient[] = [];

afterEach(async () => {
  clients.forEach((c) => c.close());
  clients = [];
  await server?.close();
  server = null;
});

async function start(dbFile?: string) {
  server = await startTestServer(dbFile ? { dbFile } : {});
  await server.app.auth.setPassword('technician', TECH_PASSWORD);
  await server.app.auth.setPassword('mc', MC_PASSWORD);
  return server;
}

async function client(token?: string) {
  const c = await socketClient(server!.url, token);
  clients.push(c);
  return c;
}

const ok = expectOk;

/** A player showing its code, added by the technician: what it keeps, and what it is. */
async function addScreen(tech: TestClient, led: TestClient, name: string, size = { width: 1920, height: 1080 }) {
  const { code } = ok(await ask(led, 'screen:pair', size));
  const paired = nextEvent(led, 'screen:paired');
  const added = ok(await ask(tech, 'screen:confirm', { code, name }));
  const pairing: ScreenPairing = await paired;
  const info = ok(await ask(led, 'screen:register', { ...pairing, ...size }));
  return { code, added, pairing, info };
}

describe('screens over socket.io', () => {
  it('a new player shows a code; the technician adds it by that code; it registers with the key it was given', async () => {
    await start();
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    const led = await client();
    const { code, added, pairing, info } = await addScreen(tech, led, 'Cổng chính', { width: 1920, height: 480 });
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(added).toMatchObject({ id: code, name: 'Cổng chính', width: 1920, height: 480 });
    expect(pairing.screenId).toBe(code);
    expect(info).toMatchObject({ id: code, name: 'Cổng chính', connected: true, layout: { type: 'now-next' } });
    // After a reload: the same id and key, a new size.
    const again = ok(await ask(await client(), 'screen:register', { ...pairing, width: 1280, height: 720 }));
    expect(again).toMatchObject({ id: code, width: 1280, height: 720 });
  });

  it('refuses an anonymous registration, a wrong key, an unknown code, and screen commands without a technician or admin login', async () => {
    await start();
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    const { pairing } = await addScreen(tech, await client(), 'Cổng');
    const anon = await client();
    // The code on the wall is not enough to take a screen's place or rename it.
    expect(codeOf(await ask(anon, 'screen:register', { screenId: pairing.screenId, key: 'x'.repeat(32), width: 10, height: 10 }))).toBe('unauthorized');
    expect(codeOf(await askRaw(anon, 'screen:register', { screenId: pairing.screenId, width: 10, height: 10 }))).toBe('bad_request');
    expect(codeOf(await askRaw(anon, 'screen:register', { width: 10, height: 10, name: 'Tên giả' }))).toBe('bad_request');
    expect(codeOf(await askRaw(anon, 'screen:pair', { width: -1, height: 10 }))).toBe('bad_request');
    expect(codeOf(await ask(anon, 'screen:confirm', { code: 'ABCDEF', name: 'x' }))).toBe('unauthorized');
    expect(codeOf(await ask(tech, 'screen:confirm', { code: 'ABCDEF', name: 'x' }))).toBe('not_found');
    expect(codeOf(await ask(anon, 'screens:watch', {}))).toBe('unauthorized');
    expect(codeOf(await ask(anon, 'screen:rename', { screenId: pairing.screenId, name: 'Bị đổi tên' }))).toBe('unauthorized');
    expect(codeOf(await ask(anon, 'screen:assign', { screens: 'all', layout: { type: 'black' } }))).toBe('unauthorized');
    const mc = await client(await loginToken(server!.url, MC_PASSWORD));
    expect(codeOf(await ask(mc, 'screen:assign', { screens: 'all', layout: { type: 'black' } }))).toBe('forbidden');
    expect(codeOf(await askRaw(tech, 'screen:assign', { screens: 'all', layout: { type: 'message' } }))).toBe('bad_request');
    expect(codeOf(await ask(tech, 'screen:assign', { screens: ['ZZZZZZ'], layout: { type: 'black' } }))).toBe('not_found');
    expect(ok(await ask(tech, 'screens:watch', {})).map((s) => s.name)).toEqual(['Cổng']);
  });

  it('keeps a few pairing codes per address, none stored, and frees a code when its player leaves', async () => {
    await start();
    const players = await Promise.all(Array.from({ length: PENDING_PER_ADDRESS + 1 }, () => client()));
    const answers = [];
    for (const p of players) answers.push(await ask(p, 'screen:pair', { width: 10, height: 10 }));
    expect(answers.slice(0, PENDING_PER_ADDRESS).every((r) => r.ok)).toBe(true);
    expect(codeOf(answers[PENDING_PER_ADDRESS]!)).toBe('rate_limited');
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    expect(ok(await ask(tech, 'screens:watch', {}))).toEqual([]);
    const first = answers[0]!;
    players[0]!.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(codeOf(await ask(tech, 'screen:confirm', { code: first.ok ? first.data.code : '', name: 'x' }))).toBe('not_found');
    expect((await ask(players[PENDING_PER_ADDRESS]!, 'screen:pair', { width: 10, height: 10 })).ok).toBe(true);
  });

  it('sends an assignment to the screen and the list to technicians, and tracks connection', async () => {
    await start();
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    expect(ok(await ask(tech, 'screens:watch', {}))).toEqual([]);
    const led = await client();
    const listed = nextEvent(tech, 'screens:changed');
    const { info: me, pairing } = await addScreen(tech, led, 'Dọc', { width: 1080, height: 1920 });
    await listed;
    expect(ok(await ask(tech, 'screens:watch', {})).map((s) => [s.id, s.connected])).toEqual([[me.id, true]]);

    const pushed = nextEvent(led, 'screen:changed');
    const assigned = ok(await ask(tech, 'screen:assign', { screens: [me.id], layout: { type: 'message', text: 'Xin mời ổn định chỗ ngồi' } }));
    expect(assigned.map((s) => s.layout)).toEqual([{ type: 'message', text: 'Xin mời ổn định chỗ ngồi' }]);
    expect((await pushed).layout).toEqual({ type: 'message', text: 'Xin mời ổn định chỗ ngồi' });

    // A resized window registers again; the technician sees the new resolution.
    const resized = nextEvent(tech, 'screens:changed');
    ok(await ask(led, 'screen:register', { ...pairing, width: 1920, height: 1080 }));
    expect((await resized).map((s) => [s.width, s.height, s.connected])).toEqual([[1920, 1080, true]]);

    const gone = nextEvent(tech, 'screens:changed');
    led.close();
    const after = await gone;
    expect(after[0]).toMatchObject({ id: me.id, connected: false });
  });

  it('blacks out every screen and clears back to what each showed', async () => {
    await start();
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    const a = (await addScreen(tech, await client(), 'A')).info;
    const b = (await addScreen(tech, await client(), 'B')).info;
    ok(await ask(tech, 'screen:assign', { screens: [a.id], layout: { type: 'qr', text: 'Quét để xem chương trình' } }));
    ok(await ask(tech, 'screen:assign', { screens: 'all', layout: { type: 'black' } }));
    // A second blackout must not forget what was on before the first.
    ok(await ask(tech, 'screen:assign', { screens: 'all', layout: { type: 'black' } }));
    const restored = ok(await ask(tech, 'screen:restore', { screens: 'all' }));
    const byId = new Map(restored.map((s) => [s.id, s.layout]));
    expect(byId.get(a.id)).toEqual({ type: 'qr', text: 'Quét để xem chương trình' });
    expect(byId.get(b.id)).toEqual({ type: 'now-next' });
  });

  it('renames, identifies and forgets a screen, telling the screen each time', async () => {
    await start();
    const tech = await client(await loginToken(server!.url));
    const led = await client();
    const me = (await addScreen(tech, led, 'Màn 1')).info;
    await addScreen(tech, await client(), 'Sân khấu', { width: 10, height: 10 });

    const renamed = nextEvent(led, 'screen:changed');
    ok(await ask(tech, 'screen:rename', { screenId: me.id, name: 'Màn trái' }));
    expect((await renamed).name).toBe('Màn trái');
    expect(codeOf(await ask(tech, 'screen:rename', { screenId: me.id, name: 'sân KHẤU' }))).toBe('bad_request');

    const flashed = nextEvent(led, 'screen:identified');
    ok(await ask(tech, 'screen:identify', { screenId: me.id }));
    expect(await flashed).toEqual({ name: 'Màn trái' });

    const forgotten = nextEvent(led, 'screen:forgotten');
    ok(await ask(tech, 'screen:forget', { screenId: me.id }));
    await forgotten;
    const list = ok(await ask(tech, 'screens:watch', {}));
    expect(list.map((s) => s.name)).toEqual(['Sân khấu']);
  });

  it('keeps names, layouts and keys across a server restart', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'ros-screens-')), 'db.sqlite');
    await start(dbFile);
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    const { info: me, pairing } = await addScreen(tech, await client(), 'LED', { width: 1920, height: 480 });
    ok(await ask(tech, 'screen:rename', { screenId: me.id, name: 'Dải LED' }));
    ok(await ask(tech, 'screen:assign', { screens: [me.id], layout: { type: 'agenda' } }));
    clients.forEach((c) => c.close());
    clients = [];
    await server!.close();

    await start(dbFile);
    const back = ok(await ask(await client(), 'screen:register', { ...pairing, width: 1920, height: 480 }));
    expect(back).toMatchObject({ id: me.id, name: 'Dải LED', layout: { type: 'agenda' } });
  });
});

describe('screens over HTTP (Companion buttons)', () => {
  it('lists screens and assigns a layout to one or to all', async () => {
    await start();
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    const me = (await addScreen(tech, await client(), 'LED 1', { width: 1280, height: 720 })).info;
    const token = await loginToken(server!.url, TECH_PASSWORD);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    expect((await fetch(`${server!.url}/api/v1/screens`)).status).toBe(401);
    const list = (await (await fetch(`${server!.url}/api/v1/screens`, { headers })).json()) as ScreenInfo[];
    expect(list.map((s) => s.id)).toEqual([me.id]);

    const one = await fetch(`${server!.url}/api/v1/screens/${me.id}/layout`, { method: 'POST', headers, body: JSON.stringify({ type: 'holding' }) });
    expect(one.status).toBe(200);
    expect(((await one.json()) as ScreenInfo[])[0]?.layout).toEqual({ type: 'holding' });

    const bad = await fetch(`${server!.url}/api/v1/screens/all/layout`, { method: 'POST', headers, body: JSON.stringify({ type: 'nope' }) });
    expect(bad.status).toBe(400);
    const all = await fetch(`${server!.url}/api/v1/screens/all/layout`, { method: 'POST', headers, body: JSON.stringify({ type: 'black' }) });
    expect(((await all.json()) as ScreenInfo[]).map((s) => s.layout.type)).toEqual(['black']);
    const cleared = await fetch(`${server!.url}/api/v1/screens/all/restore`, { method: 'POST', headers });
    expect(((await cleared.json()) as ScreenInfo[]).map((s) => s.layout.type)).toEqual(['holding']);
  });
});

describe('screen registration bound', () => {
  it('refuses new screens beyond the bound but still lets known ones reconnect', () => {
    const db = openDb(':memory:');
    const svc = new ScreensService(screensRepository(db), () => 1000);
    const keys: ScreenPairing[] = [];
    svc.subscribe({ screenChanged: () => undefined, listChanged: () => undefined, identify: () => undefined, forgotten: () => undefined, paired: (_c, p) => void keys.push(p) });
    const add = (i: number) => svc.confirm(svc.pair(`10.0.${Math.floor(i / 3)}.${i % 3}`, 10, 10), `LED ${i}`);
    for (let i = 0; i < MAX_SCREENS; i++) add(i);
    expect(() => add(MAX_SCREENS)).toThrow(/forget unused/);
    expect(svc.register({ ...keys[0]!, width: 20, height: 20 })).toMatchObject({ id: keys[0]!.screenId, width: 20 });
    expect(svc.list()).toHaveLength(MAX_SCREENS);
    db.close();
  });
});
