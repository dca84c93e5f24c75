import { beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { COMMAND_TYPES, type Command } from '../../shared/model/action.schema.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { ask } from '../support/client.ts';
import { SESSION_TTL_MS } from '../../server/auth/auth.service.ts';
import { loginToken, socketClient, useTestServer } from '../support/server.ts';

let clock = Date.UTC(2025, 6, 11, 8, 0);
const server = useTestServer({ now: () => clock });
// Re-issued when a test lets every session expire, so these are variables rather than server.token.
let admin: string;
let tech: string;
let moderator: string;
beforeAll(async () => {
  admin = server.token;
  await fetch(`${server.url}/api/v1/passwords`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ role: 'technician', password: 'technician-pw' }),
  });
  tech = await loginToken(server.url, 'technician-pw');
  await fetch(`${server.url}/api/v1/passwords`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ role: 'moderator', password: 'moderator-pw' }),
  });
  moderator = await loginToken(server.url, 'moderator-pw');
});

/** A valid body for every command, so only the credentials decide. */
const sample: Record<Command['type'], Command> = {
  start: { type: 'start' },
  next: { type: 'next' },
  previous: { type: 'previous' },
  goto: { type: 'goto', segmentId: 'd1-guests' },
  pause: { type: 'pause' },
  resume: { type: 'resume' },
  'add-time': { type: 'add-time', ms: 60_000 },
  end: { type: 'end' },
  'reset-day': { type: 'reset-day' },
  message: { type: 'message', text: 'Xin kết thúc' },
  'message-hide': { type: 'message-hide' },
  'message-flash': { type: 'message-flash' },
};
const moderatorMay = new Set(['message', 'message-hide', 'message-flash']);

async function http(type: string, token?: string) {
  const { type: _t, ...args } = sample[type as Command['type']];
  const r = await fetch(`${server.url}/api/v1/control/${type}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(args),
  });
  return r.status;
}
async function socketCode(type: string, token?: string) {
  const s = await socketClient(server.url, token);
  try {
    const r = await ask(s, 'control', { command: sample[type as Command['type']] });
    return r.ok ? 'ok' : r.error.code;
  } finally {
    s.close();
  }
}
const version = async () => ((await (await fetch(`${server.url}/api/v1/state`)).json()) as { version: number }).version;

describe('every control path needs the right login, checked on the server', () => {
  it('refuses every HTTP action and socket command anonymously and with a made-up token, changing nothing', async () => {
    const before = await version();
    for (const type of COMMAND_TYPES) {
      expect(await http(type)).toBe(401);
      expect(await http(type, 'forged-token')).toBe(401);
      expect(await socketCode(type)).toBe('unauthorized');
      expect(await socketCode(type, 'forged-token')).toBe('unauthorized');
    }
    expect(await version()).toBe(before);
  });

  it('lets a moderator send messages only, and a technician no command at all', async () => {
    const before = await version();
    for (const type of COMMAND_TYPES.filter((t) => !moderatorMay.has(t))) {
      expect(await http(type, moderator)).toBe(403);
      expect(await socketCode(type, moderator)).toBe('forbidden');
    }
    for (const type of COMMAND_TYPES) expect(await http(type, tech)).toBe(403);
    expect(await version()).toBe(before);
    expect(await http('message', moderator)).toBe(200);
    expect(await socketCode('message-flash', moderator)).toBe('ok');
  });

  it('refuses admin-only routes to other roles', async () => {
    for (const [method, path] of [
      ['POST', '/api/v1/tokens'],
      ['GET', '/api/v1/tokens'],
      ['PUT', '/api/v1/passwords'],
    ] as const) {
      const r = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tech}` },
        ...(method === 'GET' ? {} : { body: JSON.stringify({ name: 'x', role: 'admin', password: 'whatever-123' }) }),
      });
      expect(r.status).toBe(403);
    }
  });

  it('expires sessions, on HTTP and on an open socket alike', async () => {
    const t = await loginToken(server.url);
    const s = await socketClient(server.url, t);
    try {
      expect(await http('message', t)).toBe(200);
      clock += SESSION_TTL_MS + 1;
      expect(await http('message', t)).toBe(401);
      const r = await ask(s, 'control', { command: sample.message });
      expect(!r.ok && r.error.code).toBe('unauthorized');
    } finally {
      s.close();
      admin = await loginToken(server.url);
      tech = await loginToken(server.url, 'technician-pw');
      moderator = await loginToken(server.url, 'moderator-pw');
    }
  });

  it('revokes on logout, and a password change ends every session of that role', async () => {
    const t = await loginToken(server.url, 'technician-pw');
    const s = await socketClient(server.url, t);
    await fetch(`${server.url}/api/v1/passwords`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ role: 'technician', password: 'technician-pw-2' }),
    });
    expect(await http('message', t)).toBe(401);
    const r = await ask(s, 'control', { command: sample.message });
    expect(!r.ok && r.error.code).toBe('unauthorized');
    s.close();
    expect((await fetch(`${server.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'technician-pw' }) })).status).toBe(401);
    tech = await loginToken(server.url, 'technician-pw-2');
  });

  it('keeps API tokens separate, named, listed without their secret, and revocable', async () => {
    const created = await (
      await fetch(`${server.url}/api/v1/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ name: 'Companion desk', role: 'mc' }),
      })
    ).json();
    expect(await http('message', created.token)).toBe(200);
    const list = await (await fetch(`${server.url}/api/v1/tokens`, { headers: { authorization: `Bearer ${admin}` } })).text();
    expect(list).toContain('Companion desk');
    expect(list).not.toContain(created.token);
    const del = await fetch(`${server.url}/api/v1/tokens/${created.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin}` } });
    expect(del.status).toBe(200);
    expect(await http('message', created.token)).toBe(401);
    // An admin's own session is not an API token and survives.
    expect(await http('message', admin)).toBe(200);
  });
});

describe('browser-facing protections', () => {
  it('refuses a control socket opened from another site, but lets read-only viewers in from anywhere', async () => {
    const attempt = (token?: string) =>
      new Promise<string>((resolve) => {
        const s = io(server.url, {
          transports: ['websocket'],
          auth: { protocol: PROTOCOL_VERSION, ...(token ? { token } : {}) },
          extraHeaders: { origin: 'http://evil.example' },
          reconnection: false,
          forceNew: true,
        });
        s.once('connect', () => {
          s.close();
          resolve('connected');
        });
        s.once('connect_error', (e) => {
          s.close();
          resolve(e.message);
        });
      });
    expect(await attempt(admin)).toContain('forbidden_origin');
    expect(await attempt()).toBe('connected');
  });

  it('sends security headers with a CSP, no HSTS on a plain-http LAN, and no CORS grant', async () => {
    const r = await fetch(`${server.url}/api/v1/state`, { headers: { origin: 'http://evil.example' } });
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('strict-transport-security')).toBeNull();
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(`${server.url}/api/v1/control/next`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses oversized bodies', async () => {
    const r = await fetch(`${server.url}/api/v1/control/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ text: 'x'.repeat(100_000) }),
    });
    expect(r.status).toBe(413);
  });
});

describe('the MC script stays with the crew', () => {
  it('strips notes from the programme for anonymous readers, over HTTP and on the socket', async () => {
    const anon = await (await fetch(`${server.url}/api/v1/programme`)).json();
    const crew = await (await fetch(`${server.url}/api/v1/programme`, { headers: { authorization: `Bearer ${admin}` } })).json();
    const notes = (p: { programme: { segments: { notes: string }[] } }) => p.programme.segments.map((s) => s.notes).join('');
    expect(notes(crew).length).toBeGreaterThan(0);
    expect(notes(anon)).toBe('');
    const received = async (token?: string) => {
      const s = io(server.url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, ...(token ? { token } : {}) }, forceNew: true });
      const p = await new Promise<{ programme: { segments: { notes: string }[] } }>((r) => s.once('programme', r));
      s.close();
      return notes(p);
    };
    expect(await received()).toBe('');
    expect((await received(admin)).length).toBeGreaterThan(0);
  });
});
