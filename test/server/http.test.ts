import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/protocol.ts';
import { ADMIN_PASSWORD, loginToken, startTestServer, useTestServer } from '../support/server.ts';

const server = useTestServer();
const post = (path: string, body?: unknown, auth = server.token) => server.api('POST', path, body, auth);

describe('HTTP API', () => {
  it('serves health, programme and the waiting state without a login', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const p = await (await fetch(`${server.url}/api/v1/programme`)).json();
    expect(p.programme.event.title).toContain('Khánh Hòa');
    expect(p.programme.segments).toHaveLength(17);
    expect(p.warnings.length).toBeGreaterThan(0);
    const s = (await (await fetch(`${server.url}/api/v1/state`)).json()) as Snapshot;
    expect(s).toMatchObject({ version: 0, stageId: 'main', phase: 'idle', current: null, next: { id: 'd1-vr-games' } });
    expect(typeof s.serverTime).toBe('number');
  });

  it('refuses control without a valid login (401) and unknown stages (404)', async () => {
    expect((await post('/api/v1/control/next', {}, '')).status).toBe(401);
    expect((await post('/api/v1/control/next', {}, 'not-a-token')).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/state?stage=nope`)).status).toBe(404);
  });

  it('answers bad input with 400 and a readable message, changing nothing', async () => {
    const before = await (await fetch(`${server.url}/api/v1/state`)).json();
    for (const [path, body] of [
      ['/api/v1/control/add-time', { ms: 'soon' }],
      ['/api/v1/control/add-time', { ms: 0 }],
      ['/api/v1/control/goto', {}],
      ['/api/v1/control/next', { expectedVersion: -1 }],
      ['/api/v1/control/next', '{not json'],
    ] as const) {
      const r = await post(path, body);
      expect(r.status).toBe(400);
      const e = await r.json();
      expect(e.error.code).toBe('bad_request');
      expect(e.error.message.length).toBeGreaterThan(3);
    }
    expect((await post('/api/v1/control/explode', {})).status).toBe(404);
    const after = await (await fetch(`${server.url}/api/v1/state`)).json();
    expect(after.version).toBe(before.version);
  });

  it('starts, refuses a stale expectedVersion with 409, and answers with the new state', async () => {
    const start = await post('/api/v1/control/start', {});
    expect(start.status).toBe(200);
    const s1 = (await start.json()) as Snapshot;
    expect(s1).toMatchObject({ phase: 'running', current: { id: 'd1-vr-games' }, version: 1 });
    expect(s1.timer?.startedAt).toBeGreaterThan(0);

    const stale = await post('/api/v1/control/next', { expectedVersion: 0 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: 'stale_version', details: { version: 1 } });

    const next = (await (await post('/api/v1/control/next', { expectedVersion: 1 })).json()) as Snapshot;
    expect(next).toMatchObject({ version: 2, current: { id: 'd1-golden-bell' } });
    const add = (await (await post('/api/v1/control/add-time', { ms: 60_000 })).json()) as Snapshot;
    expect(add.timer?.addedMs).toBe(60_000);
    // A command the phase does not allow is a conflict with the state, with its reason.
    const resume = await post('/api/v1/control/resume', {});
    expect(resume.status).toBe(409);
    expect((await resume.json()).error.code).toBe('not_paused');
  });

  it('logout revokes the token', async () => {
    const t = await loginToken(server.url);
    expect((await post('/api/v1/control/message', { text: 'Còn 2 phút' }, t)).status).toBe(200);
    await post('/api/v1/logout', undefined, t);
    expect((await post('/api/v1/control/message', { text: 'x' }, t)).status).toBe(401);
  });

  it('lets an admin create a named API token for Companion, and a moderator password with limited rights', async () => {
    const created = await post('/api/v1/tokens', { name: 'Stream Deck', role: 'mc' });
    expect(created.status).toBe(201);
    const api = (await created.json()).token as string;
    expect((await post('/api/v1/control/message', { text: 'Xin kết thúc' }, api)).status).toBe(200);
    expect((await post('/api/v1/tokens', { name: 'x' }, api)).status).toBe(403);

    const set = await fetch(`${server.url}/api/v1/passwords`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ role: 'moderator', password: 'moderator-password-1' }),
    });
    expect(set.status).toBe(200);
    const moderator = await loginToken(server.url, 'moderator-password-1');
    expect((await post('/api/v1/control/message', { text: 'Còn 1 phút' }, moderator)).status).toBe(200);
    expect((await post('/api/v1/control/next', {}, moderator)).status).toBe(403);
  });

  it('rate-limits failed logins per address with 429', async () => {
    const fresh = await startTestServer();
    try {
      const attempt = (password: string) =>
        fetch(`${fresh.url}/api/v1/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ password }),
        });
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) codes.push((await attempt(`wrong-${i}`)).status);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes[10]).toBe(429);
      const blocked = await attempt(ADMIN_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
