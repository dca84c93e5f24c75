import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/protocol.ts';
import { Role as Roles } from '../../shared/protocol.ts';
import { LIVE_PATH } from '../../server/live/live.endpoint.ts';
import { httpRouteOf } from '../../server/requests/http.routes.ts';
import { wireOf, type RequestName } from '../../server/requests/requests.ts';
import type { Entry } from '../../server/requests/table.ts';
import { SESSION_TTL_MS } from '../../server/auth/auth.service.ts';
import { askRaw, codeOf } from '../support/client.ts';
import { loginToken, socketClient, startTestServer, type TestClient, type TestServer } from '../support/server.ts';
import { STAGE_B, twoStageProgramme } from '../support/two-stages.ts';

/**
 * The role × request × stage table, exhaustively: every entry of the server's request table (so a
 * new one is covered by this file unasked), for every kind of caller, on HTTP where the entry has a
 * route and on both socket endpoints. The expected verdict is read from the entry's roles; the
 * answers come from the real adapters.
 */

/** A payload that passes the entry's schema, acting on `stage`: only the caller decides the verdict. */
const SAMPLES: Record<RequestName, (stage: string) => Record<string, unknown>> = {
  'stage:watch': (stage) => ({ stageId: stage }),
  'stages:watch': () => ({}),
  'clock:ping': () => ({ t0: 1 }),
  'screen:pair': () => ({ width: 1920, height: 1080 }),
  // A real screen's key: a wrong one is refused (`unauthorized`) whoever sends it.
  'screen:register': () => ({ ...paired, width: 1920, height: 1080 }),
  'screens:watch': () => ({}),
  'screen:confirm': () => ({ code: 'ABCD', name: 'LED trái' }),
  'screen:assign': () => ({ screens: 'all', layout: { type: 'black' } }),
  'screen:restore': () => ({ screens: 'all' }),
  'screen:rename': () => ({ screenId: 'ABCD', name: 'LED phải' }),
  'screen:identify': () => ({ screenId: 'ABCD' }),
  'screen:forget': () => ({ screenId: 'ABCD' }),
  'control:start': (stage) => control(stage, { type: 'start' }),
  'control:next': (stage) => control(stage, { type: 'next' }),
  'control:previous': (stage) => control(stage, { type: 'previous' }),
  'control:goto': (stage) => control(stage, { type: 'goto', segmentId: 'b-2' }),
  'control:pause': (stage) => control(stage, { type: 'pause' }),
  'control:resume': (stage) => control(stage, { type: 'resume' }),
  'control:add-time': (stage) => control(stage, { type: 'add-time', ms: 60_000 }),
  'control:end': (stage) => control(stage, { type: 'end' }),
  'control:reset-day': (stage) => control(stage, { type: 'reset-day' }),
  'control:message': (stage) => control(stage, { type: 'message', text: 'Còn 2 phút' }),
  'control:message-hide': (stage) => control(stage, { type: 'message-hide' }),
  'control:message-flash': (stage) => control(stage, { type: 'message-flash' }),
};
function control(stageId: string, command: Record<string, unknown>) {
  return { stageId, command };
}

/** A caller: its token, the role it holds, and the stage its requests name. */
type Caller = { label: string; token: string | null; role: Role | null; stage: string; inScope: boolean; valid: boolean };
/** What the server must answer: a refusal code, or anything but a refusal of the caller. */
type Verdict = 'unauthorized' | 'forbidden' | 'allowed';

function expected(e: Entry, c: Caller): Verdict {
  if (e.roles === 'anyone') return 'allowed';
  if (!c.valid || c.role === null) return 'unauthorized';
  if (!e.roles.includes(c.role)) return 'forbidden';
  if (e.stage && !c.inScope) return 'forbidden';
  return 'allowed';
}
const verdictOf = (code: string | null): Verdict => (code === 'unauthorized' || code === 'forbidden' ? code : 'allowed');
const verdictOfStatus = (status: number): Verdict => (status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'allowed');

let clock = Date.UTC(2025, 6, 11, 1, 0);
let server: TestServer;
let admin: string;
const callers: Caller[] = [];
/** Every verdict the cases expected, so a table that refuses (or allows) everything cannot pass unnoticed. */
const expectedSeen = new Set<Verdict>();
let paired = { screenId: '', key: '' };

/** A player paired by the admin, as a technician adds one: its id and key. */
async function pairScreen(): Promise<{ screenId: string; key: string }> {
  const player = await socketClient(server.url);
  const tech = await socketClient(server.url, admin);
  try {
    const pairing = new Promise<{ screenId: string; key: string }>((resolve) => player.once('screen:paired', resolve));
    const code = (await askRaw(player, 'screen:pair', { width: 1920, height: 1080 })) as { ok: true; data: { code: string } };
    expect(codeOf(await askRaw(tech, 'screen:confirm', { code: code.data.code, name: 'LED sân khấu' }))).toBeNull();
    return await pairing;
  } finally {
    player.close();
    tech.close();
  }
}

async function api(method: string, path: string, body?: unknown, token = admin) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
async function deviceToken(role: Role, stageId: string | null): Promise<{ id: string; token: string }> {
  const r = await api('POST', '/api/v1/tokens', { name: `${role} ${stageId ?? 'every stage'}`, role, ...(stageId ? { stageId } : {}) });
  expect(r.status).toBe(201);
  return (await r.json()) as { id: string; token: string };
}

beforeAll(async () => {
  server = await startTestServer({ programme: twoStageProgramme(), now: () => clock });
  admin = await loginToken(server.url);
  paired = await pairScreen();
  callers.push({ label: 'no token', token: null, role: null, stage: STAGE_B, inScope: true, valid: false });
  for (const role of Roles.options) {
    const { token } = await deviceToken(role, STAGE_B);
    callers.push({ label: `${role} of ${STAGE_B} on ${STAGE_B}`, token, role, stage: STAGE_B, inScope: true, valid: true });
    callers.push({ label: `${role} of ${STAGE_B} on main`, token, role, stage: 'main', inScope: false, valid: true });
    const every = await deviceToken(role, null);
    callers.push({ label: `${role} of every stage on main`, token: every.token, role, stage: 'main', inScope: true, valid: true });
  }
}, 30_000);
afterAll(() => server.close());

/** Every entry for one caller over one socket endpoint; the mismatches, as readable lines. */
async function overSocket(c: Caller, s: TestClient, live: boolean): Promise<string[]> {
  const wrong: string[] = [];
  for (const [name, e] of Object.entries(server.app.table) as [RequestName, Entry][]) {
    const served = !live || name === 'stage:watch' || name === 'stages:watch' || name === 'clock:ping';
    const want = served ? expected(e, c) : 'forbidden';
    expectedSeen.add(want);
    const got = verdictOf(codeOf(await askRaw(s, wireOf(name), SAMPLES[name](c.stage))));
    if (got !== want) wrong.push(`${live ? LIVE_PATH : 'main'} ${name} as ${c.label}: ${got}, expected ${want}`);
  }
  return wrong;
}

async function overHttp(c: Caller): Promise<string[]> {
  const wrong: string[] = [];
  for (const [name, e] of Object.entries(server.app.table) as [RequestName, Entry][]) {
    const route = httpRouteOf(name);
    if (!route) continue;
    const [method = 'GET', template = ''] = route.split(' ');
    const sample = SAMPLES[name](c.stage);
    const body = name.startsWith('control:')
      ? { stage: c.stage, ...(sample.command as Record<string, unknown>), type: undefined }
      : name === 'screen:assign'
        ? sample.layout
        : method === 'GET'
          ? undefined
          : {};
    const r = await api(method, template.replace(':id', 'all'), body, c.token ?? '');
    const got = verdictOfStatus(r.status);
    const want = expected(e, c);
    expectedSeen.add(want);
    if (got !== want) wrong.push(`${route} as ${c.label}: ${r.status}, expected ${want}`);
  }
  return wrong;
}

async function everyPath(c: Caller): Promise<string[]> {
  const main = await socketClient(server.url, c.token ?? undefined);
  const live = await socketClient(server.url, c.token ?? undefined, LIVE_PATH);
  try {
    return [...(await overHttp(c)), ...(await overSocket(c, main, false)), ...(await overSocket(c, live, true))];
  } finally {
    main.close();
    live.close();
  }
}

describe('who may send what, on which stage: HTTP, the main socket and /live', () => {
  it('has a sample payload for every entry of the table', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(server.app.table).sort());
  });

  it('answers every request as the table says, for no token and each role on its own stage, on another, and unscoped', async () => {
    const wrong: string[] = [];
    for (const c of callers) wrong.push(...(await everyPath(c)));
    expect(wrong).toEqual([]);
    expect(callers).toHaveLength(1 + 3 * Roles.options.length);
    expect([...expectedSeen].sort()).toEqual(['allowed', 'forbidden', 'unauthorized']);
  }, 60_000);

  it('treats a revoked device link as no token, on a socket opened before the revocation too', async () => {
    const { id, token } = await deviceToken('mc', STAGE_B);
    const main = await socketClient(server.url, token);
    const ended = new Promise((resolve) => main.once('session:ended', resolve));
    expect((await api('DELETE', `/api/v1/tokens/${id}`)).status).toBe(200);
    await ended;
    const c: Caller = { label: 'revoked mc', token, role: 'mc', stage: STAGE_B, inScope: true, valid: false };
    try {
      expect([...(await overSocket(c, main, false)), ...(await everyPath(c))]).toEqual([]);
    } finally {
      main.close();
    }
  });

  it('treats an expired session scoped to the stage as no token (last: it moves the clock a day on)', async () => {
    const r = await api('POST', '/api/v1/login', { password: 'test-admin-password', stageId: STAGE_B }, '');
    const session = (await r.json()) as { token: string; stageId: string };
    expect(session.stageId).toBe(STAGE_B);
    const main = await socketClient(server.url, session.token);
    const c: Caller = { label: 'expired admin session', token: session.token, role: 'admin', stage: STAGE_B, inScope: true, valid: false };
    clock += SESSION_TTL_MS + 1;
    try {
      expect([...(await overSocket(c, main, false)), ...(await everyPath(c))]).toEqual([]);
    } finally {
      main.close();
    }
  });
});
