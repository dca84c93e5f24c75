import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { DATA_ID } from '../../server/agenda/agenda.page.ts';
import { loginToken, startTestServer, type TestServer } from '../support/server.ts';
import type { ProgrammePayload } from '../../shared/protocol.ts';

/** A stand-in for the vite build: the agenda template with a stylesheet link and a script. */
function fakeClientDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ros-agenda-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
  writeFileSync(
    join(dir, 'agenda.html'),
    '<!doctype html><html lang="vi"><head><title>x</title><script type="module" crossorigin src="/assets/agenda-abc.js"></script>' +
      '<link rel="stylesheet" crossorigin href="/assets/agenda-abc.css"></head><body class="ag"><div id="agenda"><!--agenda-ssr--></div><!--agenda-data--></body></html>',
  );
  writeFileSync(join(dir, 'assets/agenda-abc.css'), '.ag-row{color:#111}');
  writeFileSync(join(dir, 'assets/agenda-abc.js'), `export const filler = ${JSON.stringify('x'.repeat(4000))};`);
  return dir;
}

/** Raw GET, so the test sees the bytes on the wire (fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('agenda routes', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = fakeClientDir();
    server = await startTestServer({ clientDir: dir });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves /agenda with the programme in the HTML, the data as inert JSON, the stylesheet inlined, gzip-compressed', async () => {
    const r = await rawGet(`${server.url}/agenda`, { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['cache-control']).toBe('no-cache');
    const html = gunzipSync(r.body).toString('utf8');
    expect(html).toContain('Ngày Hội công nghệ số tỉnh Khánh Hòa năm 2025');
    expect(html).toContain('class="ag-row');
    expect(html).toContain('Ca nhạc, chào mừng Ngày Hội');
    expect(html).toContain('<style>.ag-row{color:#111}</style>');
    expect(html).not.toContain('agenda-abc.css');
    const json = new RegExp(`<script type="application/json" id="${DATA_ID}">([^<]*)</script>`).exec(html);
    expect(json).not.toBeNull();
    const data = JSON.parse(json![1]!) as { event: { title: string }; segments: Record<string, unknown>[] };
    expect(data.event.title).toContain('Khánh Hòa');
    // MC notes are not for the public.
    expect(data.segments.every((s) => !('notes' in s))).toBe(true);
    // The CSP forbids inline scripts; the only inline script element is the JSON data.
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(html.match(/<script(?![^>]*(type="application\/json"|src=))/g)).toBeNull();
    expect(html).toContain('<svg');
  });

  it('renders in English when asked, and remembers it in a cookie', async () => {
    const r = await fetch(`${server.url}/agenda?lang=en`);
    expect(r.headers.get('set-cookie')).toMatch(/ros\.lang=en/);
    const html = await r.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Add to calendar');
    const again = await fetch(`${server.url}/agenda`, { headers: { cookie: 'ros.lang=en' } });
    expect(await again.text()).toContain('<html lang="en"');
    const vi = await fetch(`${server.url}/agenda`);
    expect(await vi.text()).toContain('Thêm vào lịch');
  });

  it('serves hashed assets compressed with a year-long immutable cache', async () => {
    const r = await rawGet(`${server.url}/assets/agenda-abc.js`, { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['cache-control']).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
  });

  it('serves the calendar for all stages and per stage, and 404 for an unknown stage', async () => {
    const all = await fetch(`${server.url}/api/v1/agenda.ics`);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await all.text();
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body).toContain('TZID=Asia/Ho_Chi_Minh');
    const main = await fetch(`${server.url}/api/v1/agenda.ics?stage=main`);
    expect(main.status).toBe(200);
    const none = await fetch(`${server.url}/api/v1/agenda.ics?stage=nope`);
    expect(none.status).toBe(404);
  });

  it('serves the service worker as a script that is always revalidated', async () => {
    const r = await fetch(`${server.url}/agenda-sw.js`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/javascript/);
    expect(r.headers.get('cache-control')).toBe('no-cache');
    const src = await r.text();
    expect(src).toContain("addEventListener('fetch'");
    // The page's own script is kept at install for offline use.
    expect(src).toContain('"/assets/agenda-abc.js"');
  });

  it('prints no QR code for a Host header that is not a plain host name', async () => {
    const r = await rawGet(`${server.url}/agenda`, { host: 'evil"><script>x</script>' });
    expect(r.status).toBe(200);
    const html = r.body.toString('utf8');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<script>x');
  });

  it('renders every stage on one timeline with ?all=1, finds a stage by name, and lists the stages for an unknown one', async () => {
    const token = await loginToken(server.url);
    const { programme, revision } = (await (await fetch(`${server.url}/api/v1/programme`, { headers: { authorization: `Bearer ${token}` } })).json()) as ProgrammePayload;
    const second = { id: 'mang-den', name: 'Măng Đen', venue: 'xã Măng Đen' };
    const edited = {
      event: { ...programme.event, stages: [...programme.event.stages, second] },
      segments: [...programme.segments, { id: 'md-1', dayId: 'd1', stageId: 'mang-den', plannedStart: '17:00', durationMin: 30, title: 'Hội thảo du lịch số' }],
    };
    const put = await fetch(`${server.url}/api/v1/programme`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ programme: edited, expectedRevision: revision }),
    });
    expect(put.status).toBe(200);
    const all = await (await fetch(`${server.url}/agenda?day=d1&all=1`)).text();
    expect(all).toContain('class="ag-stage-lines"');
    expect(all).toMatch(/<p class="ag-stage-tag" data-stage-tag="mang-den"><span>Măng Đen<\/span> · xã Măng Đen<\/p>/);
    expect(all).toContain('Ca nhạc, chào mừng Ngày Hội');
    const byName = await (await fetch(`${server.url}/agenda?day=d1&stage=${encodeURIComponent('măng đen')}`)).text();
    // (Every segment is in the inlined data; the rendered list holds the chosen stage's only.)
    const list = /<div id="ag-list" class="ag-list">([\s\S]*?)<\/main>/.exec(byName)?.[1] ?? '';
    expect(list).toContain('Hội thảo du lịch số');
    expect(list).not.toContain('Ca nhạc, chào mừng Ngày Hội');
    expect(byName).toMatch(/<h2 class="ag-day" id="ag-day">[^<]*Măng Đen \(xã Măng Đen\)<\/h2>/);
    const unknown = await (await fetch(`${server.url}/agenda?stage=stage`)).text();
    expect(unknown).toContain('Không có sân khấu “stage”. Chọn một sân khấu:');
    expect(unknown).toMatch(/<div class="ag-unknown" role="alert">.*href="\?day=d\d&amp;stage=mang-den" data-stage="mang-den">Măng Đen<\/a> <small>xã Măng Đen<\/small>/);
  });

  it('follows a new build without a restart (the old hashed assets are gone by then)', async () => {
    const file = join(dir, 'agenda.html');
    writeFileSync(file, '<!doctype html><html lang="vi"><head><title>x</title><script type="module" src="/assets/agenda-new.js"></script></head><body><div id="agenda"><!--agenda-ssr--></div><!--agenda-data--></body></html>');
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const html = await (await fetch(`${server.url}/agenda`)).text();
    expect(html).toContain('/assets/agenda-new.js');
    expect(html).not.toContain('/assets/agenda-abc.js');
  });
});
