import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authService } from '../../server/auth/auth.service.ts';
import { rolesMarkdown } from '../../server/requests/roles-doc.ts';
import { MIGRATIONS, openDb } from '../../server/store/db.ts';
import { ask } from '../support/client.ts';
import { ROOT, useTestServer } from '../support/server.ts';
import { STAGE_B, twoStageProgramme } from '../support/two-stages.ts';

type Created = { id: string; token: string; role: string; stageId: string | null; name: string; url: string };
type Listed = { id: string; name: string; role: string; stageId: string | null; lastSeenAt: number | null; connected: boolean; revokedAt: number | null };

const server = useTestServer({ programme: twoStageProgramme(), publicUrl: 'http://192.168.1.20:3000' }, { each: true });
const list = async () => (await (await server.api('GET', '/api/v1/tokens')).json()) as Listed[];
const create = async (body: unknown) => server.api('POST', '/api/v1/tokens', body);

describe('device links and API tokens', () => {
  it('makes a link for an MC of one stage: role, stage and a link on the public address with the token in the fragment', async () => {
    const r = await create({ name: 'MC – Hội trường B (iPad 1)', role: 'mc', stageId: STAGE_B });
    expect(r.status).toBe(201);
    const t = (await r.json()) as Created;
    expect(t).toMatchObject({ role: 'mc', stageId: STAGE_B, name: 'MC – Hội trường B (iPad 1)' });
    expect(t.url).toBe(`http://192.168.1.20:3000/mc?stage=${STAGE_B}#token=${t.token}`);
    const me = await (await server.api('GET', '/api/v1/me', undefined, t.token)).json();
    expect(me).toEqual({ role: 'mc', kind: 'device', name: 'MC – Hội trường B (iPad 1)', stageId: STAGE_B });
  });

  it('refuses a stage that does not exist, naming the valid ones, and creates nothing', async () => {
    const before = await list();
    const r = await create({ name: 'MC', role: 'mc', stageId: 'khu-trien-lam' });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { code: string; message: string; details: { stages: string[] } } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.details.stages).toEqual(['main', STAGE_B]);
    expect(await list()).toEqual(before);
  });

  it('lists when each was last used and whether a device holds it open now', async () => {
    const t = (await (await create({ name: 'Moderator – Hội trường B', role: 'moderator', stageId: STAGE_B })).json()) as Created;
    expect((await list()).find((x) => x.id === t.id)).toMatchObject({ lastSeenAt: null, connected: false });
    const tablet = await server.client(t.token);
    await expect.poll(async () => (await list()).find((x) => x.id === t.id)?.connected).toBe(true);
    expect((await list()).find((x) => x.id === t.id)?.lastSeenAt).toEqual(expect.any(Number));
    tablet.disconnect();
    await expect.poll(async () => (await list()).find((x) => x.id === t.id)?.connected).toBe(false);
  });

  it('renames one, and a revoked one cannot be renamed', async () => {
    const t = (await (await create({ name: 'LED desk', role: 'technician' })).json()) as Created;
    expect((await server.api('PATCH', `/api/v1/tokens/${t.id}`, { name: 'Bàn LED' })).status).toBe(200);
    expect((await list()).find((x) => x.id === t.id)?.name).toBe('Bàn LED');
    expect((await server.api('DELETE', `/api/v1/tokens/${t.id}`)).status).toBe(200);
    expect((await server.api('PATCH', `/api/v1/tokens/${t.id}`, { name: 'x' })).status).toBe(404);
    expect((await server.api('DELETE', `/api/v1/tokens/${t.id}`)).status).toBe(404);
  });

  it('revoking ends control on an open socket at once and tells the device', async () => {
    const t = (await (await create({ name: 'MC B', role: 'mc', stageId: STAGE_B })).json()) as Created;
    const tablet = await server.client(t.token);
    expect((await ask(tablet, 'control', { stageId: STAGE_B, command: { type: 'start' } })).ok).toBe(true);
    const told = new Promise<{ reason: string }>((resolve) => tablet.once('session:ended', resolve));
    const at = Date.now();
    expect((await server.api('DELETE', `/api/v1/tokens/${t.id}`)).status).toBe(200);
    expect(await told).toEqual({ reason: 'revoked' });
    expect(Date.now() - at).toBeLessThan(1000);
    const r = await ask(tablet, 'control', { stageId: STAGE_B, command: { type: 'next' } });
    expect(!r.ok && r.error.code).toBe('unauthorized');
    expect((await list()).find((x) => x.id === t.id)).toMatchObject({ connected: false, revokedAt: expect.any(Number) });
    tablet.disconnect();
  });

  it('lets a moderator read the MC notes it works beside', async () => {
    const t = (await (await create({ name: 'Moderator', role: 'moderator', stageId: 'main' })).json()) as Created;
    type P = { programme: { segments: { notes: string }[] } };
    const notes = async (token: string) => ((await (await server.api('GET', '/api/v1/programme', undefined, token)).json()) as P).programme.segments.filter((s) => s.notes).length;
    expect(await notes('')).toBe(0);
    expect(await notes(t.token)).toBeGreaterThan(0);
  });

  it('gives the public address to the landing page', async () => {
    expect(await (await server.api('GET', '/api/v1/address', undefined, '')).json()).toEqual({ publicUrl: 'http://192.168.1.20:3000' });
  });
});

describe('a store from before the crew', () => {
  it('keeps opening, and its logins and API tokens keep working with every stage in scope', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ros-migrate-')), 'old.sqlite');
    const old = new Database(file);
    MIGRATIONS.slice(0, 2).forEach((sql) => old.exec(sql));
    old.pragma('user_version = 2');
    old.close();
    // Tokens issued by the old code: the same hashing, written in the old table's shape.
    const { createHash } = await import('node:crypto');
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    const before = new Database(file);
    before.prepare("INSERT INTO tokens (token_hash, role, kind, name, created_at, expires_at) VALUES (?, 'mc', 'api', 'Stream Deck', 1, NULL)").run(hash('old-api'));
    before.prepare("INSERT INTO tokens (token_hash, role, kind, name, created_at, expires_at) VALUES (?, 'admin', 'session', '', 1, ?)").run(hash('old-session'), Date.now() + 60_000);
    before.close();
    const db = openDb(file);
    const auth = authService(db, Date.now);
    expect(auth.verify('old-api')).toMatchObject({ role: 'mc', kind: 'api', name: 'Stream Deck' });
    expect(auth.verify('old-api')?.stages).toBeUndefined();
    expect(auth.verify('old-session')).toMatchObject({ role: 'admin', kind: 'session' });
    expect(auth.listTokens()).toEqual([expect.objectContaining({ name: 'Stream Deck', stageId: null })]);
    db.close();
  });
});

describe('docs/api.md', () => {
  it('lists who may send what exactly as the request table says', () => {
    const doc = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
    const documented = doc.split('<!-- roles:start -->\n')[1]?.split('\n<!-- roles:end -->')[0];
    // On a mismatch, the expected text is the table to paste into docs/api.md.
    expect(documented).toBe(rolesMarkdown(server.app.table, ['stage:watch', 'stages:watch', 'clock:ping']));
  });
});
