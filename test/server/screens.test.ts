import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScreenInfo } from '../../shared/model/screen.schema.ts';
import { screensRepository } from '../../server/screens/screens.repository.ts';
import { MAX_SCREENS, ScreensService } from '../../server/screens/screens.service.ts';
import { openDb } from '../../server/store/db.ts';
import type { Ack } from '../../shared/protocol.ts';
import { expectOk } from '../support/ack.ts';
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

type Events = 'screen:register' | 'screens:watch' | 'screen:assign' | 'screen:restore' | 'screen:rename' | 'screen:identify' | 'screen:forget';
async function call<T>(c: TestClient, event: Events, req: unknown): Promise<Ack<T>> {
  return (await c.timeout(3000).emitWithAck(event, req)) as Ack<T>;
}
const next = <T>(c: TestClient, event: 'screen:layout' | 'screens' | 'screen:identified' | 'screen:forgotten') =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event}`)), 3000);
    c.once(event, ((p: T) => {
      clearTimeout(t);
      resolve(p);
    }) as never);
  });

describe('screens over socket.io', () => {
  it('gives an unnamed screen a code it keeps, and finds a named screen by its name', async () => {
    await start();
    const led = await client();
    const first = expectOk(await call<ScreenInfo>(led, 'screen:register', { width: 1920, height: 480 }));
    expect(first.id).toMatch(/^[A-Z2-9]{6}$/);
    expect(first).toMatchObject({ name: '', width: 1920, height: 480, connected: true, layout: { type: 'now-next' } });
    const again = expectOk(await call<ScreenInfo>(led, 'screen:register', { screenId: first.id, width: 1280, height: 720 }));
    expect(again).toMatchObject({ id: first.id, width: 1280, height: 720 });

    const other = await client();
    const named = expectOk(await call<ScreenInfo>(other, 'screen:register', { name: 'Cổng chính', width: 3840, height: 1080 }));
    expect(named.id).not.toBe(first.id);
    const sameName = expectOk(await call<ScreenInfo>(other, 'screen:register', { name: 'cổng CHÍNH', width: 3840, height: 1080 }));
    expect(sameName.id).toBe(named.id);
  });

  it('refuses malformed registrations and screen commands without a technician or admin login', async () => {
    await start();
    const anon = await client();
    expect(await call(anon, 'screen:register', { width: -1, height: 10 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(anon, 'screen:register', { width: 10, height: 10, extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(anon, 'screens:watch', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call(anon, 'screen:assign', { screens: 'all', layout: { type: 'black' } })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const mc = await client(await loginToken(server!.url, MC_PASSWORD));
    expect(await call(mc, 'screen:assign', { screens: 'all', layout: { type: 'black' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    expect(await call(tech, 'screen:assign', { screens: 'all', layout: { type: 'message' } })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(tech, 'screen:assign', { screens: ['ZZZZZZ'], layout: { type: 'black' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('sends an assignment to the screen and the list to technicians, and tracks connection', async () => {
    await start();
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    expect(expectOk(await call<ScreenInfo[]>(tech, 'screens:watch', {}))).toEqual([]);
    const listed = next<ScreenInfo[]>(tech, 'screens');
    const led = await client();
    const me = expectOk(await call<ScreenInfo>(led, 'screen:register', { width: 1080, height: 1920 }));
    expect((await listed).map((s) => [s.id, s.connected])).toEqual([[me.id, true]]);

    const pushed = next<ScreenInfo>(led, 'screen:layout');
    const assigned = expectOk(await call<ScreenInfo[]>(tech, 'screen:assign', { screens: [me.id], layout: { type: 'message', text: 'Xin mời ổn định chỗ ngồi' } }));
    expect(assigned.map((s) => s.layout)).toEqual([{ type: 'message', text: 'Xin mời ổn định chỗ ngồi' }]);
    expect((await pushed).layout).toEqual({ type: 'message', text: 'Xin mời ổn định chỗ ngồi' });

    // A resized window registers again; the technician sees the new resolution.
    const resized = next<ScreenInfo[]>(tech, 'screens');
    expectOk(await call(led, 'screen:register', { screenId: me.id, width: 1920, height: 1080 }));
    expect((await resized).map((s) => [s.width, s.height, s.connected])).toEqual([[1920, 1080, true]]);

    const gone = next<ScreenInfo[]>(tech, 'screens');
    led.close();
    const after = await gone;
    expect(after[0]).toMatchObject({ id: me.id, connected: false });
  });

  it('blacks out every screen and clears back to what each showed', async () => {
    await start();
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    const a = expectOk(await call<ScreenInfo>(await client(), 'screen:register', { name: 'A', width: 100, height: 100 }));
    const b = expectOk(await call<ScreenInfo>(await client(), 'screen:register', { name: 'B', width: 100, height: 100 }));
    expectOk(await call(tech, 'screen:assign', { screens: [a.id], layout: { type: 'qr', text: 'Quét để xem chương trình' } }));
    expectOk(await call(tech, 'screen:assign', { screens: 'all', layout: { type: 'black' } }));
    // A second blackout must not forget what was on before the first.
    expectOk(await call(tech, 'screen:assign', { screens: 'all', layout: { type: 'black' } }));
    const restored = expectOk(await call<ScreenInfo[]>(tech, 'screen:restore', { screens: 'all' }));
    const byId = new Map(restored.map((s) => [s.id, s.layout]));
    expect(byId.get(a.id)).toEqual({ type: 'qr', text: 'Quét để xem chương trình' });
    expect(byId.get(b.id)).toEqual({ type: 'now-next' });
  });

  it('renames, identifies and forgets a screen, telling the screen each time', async () => {
    await start();
    const tech = await client(await loginToken(server!.url));
    const led = await client();
    const me = expectOk(await call<ScreenInfo>(led, 'screen:register', { width: 1920, height: 1080 }));
    expectOk(await call<ScreenInfo>(await client(), 'screen:register', { name: 'Sân khấu', width: 10, height: 10 }));

    const renamed = next<ScreenInfo>(led, 'screen:layout');
    expectOk(await call(tech, 'screen:rename', { screenId: me.id, name: 'Màn trái' }));
    expect((await renamed).name).toBe('Màn trái');
    expect(await call(tech, 'screen:rename', { screenId: me.id, name: 'sân KHẤU' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const flashed = next<{ name: string }>(led, 'screen:identified');
    expectOk(await call(tech, 'screen:identify', { screenId: me.id }));
    expect(await flashed).toEqual({ name: 'Màn trái' });

    const forgotten = next<undefined>(led, 'screen:forgotten');
    expectOk(await call(tech, 'screen:forget', { screenId: me.id }));
    await forgotten;
    const list = expectOk(await call<ScreenInfo[]>(tech, 'screens:watch', {}));
    expect(list.map((s) => s.name)).toEqual(['Sân khấu']);
  });

  it('keeps names and layouts across a server restart', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'ros-screens-')), 'db.sqlite');
    await start(dbFile);
    const tech = await client(await loginToken(server!.url, TECH_PASSWORD));
    const me = expectOk(await call<ScreenInfo>(await client(), 'screen:register', { width: 1920, height: 480 }));
    expectOk(await call(tech, 'screen:rename', { screenId: me.id, name: 'Dải LED' }));
    expectOk(await call(tech, 'screen:assign', { screens: [me.id], layout: { type: 'agenda' } }));
    clients.forEach((c) => c.close());
    clients = [];
    await server!.close();

    await start(dbFile);
    const back = expectOk(await call<ScreenInfo>(await client(), 'screen:register', { screenId: me.id, width: 1920, height: 480 }));
    expect(back).toMatchObject({ id: me.id, name: 'Dải LED', layout: { type: 'agenda' } });
  });
});

describe('screens over HTTP (Companion buttons)', () => {
  it('lists screens and assigns a layout to one or to all', async () => {
    await start();
    const me = expectOk(await call<ScreenInfo>(await client(), 'screen:register', { name: 'LED 1', width: 1280, height: 720 }));
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
    const first = svc.register({ width: 10, height: 10 });
    for (let i = 1; i < MAX_SCREENS; i++) svc.register({ width: 10, height: 10 });
    expect(() => svc.register({ width: 10, height: 10 })).toThrow(/forget unused/);
    expect(svc.register({ screenId: first.id, width: 20, height: 20 })).toMatchObject({ id: first.id, width: 20 });
    expect(svc.list()).toHaveLength(MAX_SCREENS);
    db.close();
  });
});
