import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../shared/model/action.schema.ts';
import type { Snapshot } from '../../shared/protocol.ts';
import { ADMIN_PASSWORD, ROOT, useTestServer } from '../support/server.ts';

/** Every ```http block of docs/companion.md, run in the document's order against a real server. */
type Block = { id: string; method: string; url: string; headers: Record<string, string>; body: string | undefined };

const DOC = readFileSync(join(ROOT, 'docs/companion.md'), 'utf8');

function blocks(md: string): Block[] {
  return [...md.matchAll(/```http (\S+)\n([\s\S]*?)```/g)].map(([, id, text]) => {
    const [head = '', body] = text!.split(/\n\n/, 2);
    const [request = '', ...headerLines] = head.split('\n');
    const [method = '', url = ''] = request.split(' ');
    const headers = Object.fromEntries(headerLines.filter((l) => l.trim() !== '').map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
    return { id: id!, method, url, headers, body: body?.trim() || undefined };
  });
}

describe('docs/companion.md against a real server', () => {
  const srv = useTestServer();
  const vars: Record<string, string> = { ADMIN_PASSWORD };
  const fill = (s: string) =>
    s
      .replaceAll('http://SERVER:3000', srv.url)
      .replace(/\b(ADMIN_PASSWORD|ADMIN_TOKEN|TOKEN_ID|TOKEN)\b/g, (name) => vars[name] ?? name);
  const state = async () => (await (await fetch(`${srv.url}/api/v1/state?stage=main`)).json()) as Snapshot;


  it('documents a button for every control action', () => {
    const ids = blocks(DOC).map((b) => b.id);
    for (const action of COMMAND_TYPES) {
      expect(DOC, action).toContain(`/api/v1/control/${action}`);
    }
    expect(ids).toContain('create-token');
  });

  it('every request works as written, in order, with the effect it describes', async () => {
    // What each documented request must do to the show; every block must have an entry.
    const effects: Record<string, (res: Response, json: unknown) => Promise<void> | void> = {
      login: (_r, j) => {
        vars.ADMIN_TOKEN = (j as { token: string }).token;
      },
      'create-token': (r, j) => {
        expect(r.status).toBe(201);
        const t = j as { id: string; token: string; role: string };
        expect(t.role).toBe('mc');
        vars.TOKEN = t.token;
        vars.TOKEN_ID = t.id;
      },
      start: async () => expect((await state()).phase).toBe('running'),
      'add-time-plus': async () => expect((await state()).timer?.addedMs).toBe(60_000),
      'add-time-minus': async () => expect((await state()).timer?.addedMs).toBe(0),
      pause: async () => expect((await state()).phase).toBe('paused'),
      resume: async () => expect((await state()).phase).toBe('running'),
      next: async () => expect((await state()).currentId).toBe('d1-golden-bell'),
      previous: async () => expect((await state()).currentId).toBe('d1-vr-games'),
      message: async () => expect((await state()).message).toMatchObject({ text: 'Còn 2 phút', visible: true }),
      'message-flash': async () => expect((await state()).message?.flashAt).not.toBeNull(),
      'message-hide': async () => expect((await state()).message?.visible).toBe(false),
      end: async () => expect((await state()).phase).toBe('gap'),
      goto: async () => expect((await state()).currentId).toBe('d1-welcome-music'),
      'reset-day': async () => expect((await state()).phase).toBe('idle'),
      'list-tokens': (_r, j) => expect((j as { id: string }[]).map((t) => t.id)).toContain(vars.TOKEN_ID),
      'revoke-token': () => undefined,
    };
    const list = blocks(DOC);
    expect(list.map((b) => b.id).sort()).toEqual(Object.keys(effects).sort());

    for (const b of list) {
      const init: RequestInit = { method: b.method, headers: Object.fromEntries(Object.entries(b.headers).map(([k, v]) => [k, fill(v)])) };
      if (b.body !== undefined) init.body = fill(b.body);
      const res = await fetch(fill(b.url), init);
      const json: unknown = await res.json();
      expect(res.ok, `${b.id}: ${res.status} ${JSON.stringify(json)}`).toBe(true);
      await effects[b.id]!(res, json);
    }

    // After the documented withdrawal, the Stream Deck's token no longer works.
    const after = await fetch(`${srv.url}/api/v1/control/next`, {
      method: 'POST',
      headers: { authorization: `Bearer ${vars.TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(after.status).toBe(401);
  });

  it("the Companion header field, pasted as documented, is JSON the server accepts; a refusal is a 409 that changes nothing", async () => {
    const login = await fetch(`${srv.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: ADMIN_PASSWORD }) });
    vars.ADMIN_TOKEN = ((await login.json()) as { token: string }).token;
    const created = await fetch(`${srv.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${vars.ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'deck', role: 'mc' }),
    });
    vars.TOKEN = ((await created.json()) as { token: string }).token;

    const field = /\| header input \(JSON\) \| `([^`]+)` \|/.exec(DOC)?.[1];
    expect(field).toBeDefined();
    const headers = JSON.parse(fill(field!)) as Record<string, string>;
    const contentType = /\| Content Type \| `([^`]+)` \|/.exec(DOC)?.[1];
    expect(contentType).toBe('application/json');

    const before = await state();
    const refused = await fetch(`${srv.url}/api/v1/control/pause`, { method: 'POST', headers: { ...headers, 'content-type': contentType! }, body: '{"stage": "main"}' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('not_running');
    expect((await state()).version).toBe(before.version);

    const started = await fetch(`${srv.url}/api/v1/control/start`, { method: 'POST', headers: { ...headers, 'content-type': contentType! }, body: '{"stage": "main"}' });
    expect(started.status).toBe(200);
    const stale = await fetch(`${srv.url}/api/v1/control/next`, {
      method: 'POST',
      headers: { ...headers, 'content-type': contentType! },
      body: JSON.stringify({ stage: 'main', expectedVersion: before.version }),
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('stale_version');
  });
});
