import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/protocol.ts';
import { useTestServer } from '../support/server.ts';
import { makeProgramme } from '../support/factories.ts';

// Stored before today's rules (the seed is not checked): the text a hostile organiser or an old store could hold.
const FORMULA = '=HYPERLINK("http://evil.example/x","Bấm vào đây")';
const programme = makeProgramme([
  ['09:00', 30, { title: 'Khai mạc\rATTENDEE:mailto:victim@example.com', performer: '+84 trình diễn' }],
  [null, 20, { title: FORMULA, performer: '@ban tổ chức' }],
  [null, 10, { title: '-Giải lao' }],
]);

const server = useTestServer({ programme });

const send = (method: string, path: string, raw: string) =>
  fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` }, body: raw });
const state = async () => (await (await fetch(`${server.url}/api/v1/state`)).json()) as Snapshot;

describe('calendar and spreadsheet exports cannot be steered by the text they carry', () => {
  it('agenda.ics escapes a lone CR: no line of the calendar is chosen by a title', async () => {
    const ics = await (await fetch(`${server.url}/api/v1/agenda.ics`)).text();
    expect(ics).not.toMatch(/\r(?!\n)/);
    expect(ics.split('\r\n').some((l) => l.startsWith('ATTENDEE'))).toBe(false);
    expect(ics).toContain('SUMMARY:Khai mạc\\nATTENDEE:mailto:victim@example.com');
  });

  it('export.csv prefixes cells that start with = + - @, and reads them back as typed', async () => {
    const csv = await (await fetch(`${server.url}/api/v1/programme/export.csv`, { headers: { authorization: `Bearer ${server.token}` } })).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/x"",""Bấm vào đây"")"`);
    expect(csv).toContain(",'@ban tổ chức,");
    expect(csv).toContain(",'+84 trình diễn,");
    expect(csv).toContain(",'-Giải lao,");
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
    const back = await send('POST', '/api/v1/programme/import?dryRun=1', JSON.stringify({ text: csv, format: 'csv', mode: 'replace-all' }));
    expect(back.status).toBe(200);
    const preview = (await back.json()) as { segments: { title: string }[] };
    expect(preview.segments.slice(1).map((x) => x.title)).toEqual([FORMULA, '-Giải lao']);
  });

  it("the report's CSV prefixes them too, and keeps its own signed figures", async () => {
    expect((await send('POST', '/api/v1/control/start', '{}')).status).toBe(200);
    expect((await send('POST', '/api/v1/control/next', '{}')).status).toBe(200);
    const csv = await (await fetch(`${server.url}/api/v1/report.csv`, { headers: { authorization: `Bearer ${server.token}` } })).text();
    expect(csv).toContain(`"'=HYPERLINK(`);
    expect(csv).toContain(",'@ban tổ chức,");
    expect(csv).not.toMatch(/(^|,)[=@]/m);
  });
});

describe('bodies and text that are refused, clearly, changing nothing', () => {
  it('refuses __proto__, constructor and prototype keys alike, at any depth', async () => {
    const before = (await state()).version;
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      for (const raw of [`{"text":"Còn 2 phút","${key}":{"admin":true}}`, `{"text":"Còn 2 phút","x":[{"${key}":1}]}`]) {
        const r = await send('POST', '/api/v1/control/message', raw);
        expect(r.status).toBe(400);
        const { error } = (await r.json()) as { error: { code: string; message: string } };
        expect(error).toEqual({ code: 'bad_request', message: `the key "${key}" is not accepted in a request body` });
      }
      const imp = await send('POST', '/api/v1/programme/import?dryRun=1', `{"text":"09:00\\tA","${key}":{}}`);
      expect(imp.status).toBe(400);
    }
    expect((await state()).version).toBe(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses NUL, a lone CR and zero-width-only text in messages, naming the problem', async () => {
    const before = (await state()).version;
    const cases: [string, RegExp][] = [
      ['Còn 2\u0000 phút', /control character \(U\+0000\)/],
      ['Còn 2 phút\rATTENDEE', /carriage return/],
      ['\u200b\u200b\u200d', /only invisible characters/],
    ];
    for (const [text, why] of cases) {
      const r = await send('POST', '/api/v1/control/message', JSON.stringify({ text }));
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(why);
    }
    expect((await state()).version).toBe(before);
    // A message with ordinary line breaks and Vietnamese is fine.
    expect((await send('POST', '/api/v1/control/message', JSON.stringify({ text: 'Còn 2 phút\nXin kết thúc' }))).status).toBe(200);
  });

  it('refuses such titles in a programme edit and an import, naming the field', async () => {
    const current = (await (await fetch(`${server.url}/api/v1/programme`, { headers: { authorization: `Bearer ${server.token}` } })).json()) as {
      programme: { segments: { title: string }[] };
      revision: number;
    };
    for (const [title, why] of [
      ['Khai\u0000mạc', /segments\.0\.title contains a control character/],
      ['Khai mạc\rX', /segments\.0\.title contains a carriage return/],
      ['\u200b', /segments\.0\.title holds only invisible characters/],
    ] as const) {
      const p = structuredClone(current.programme);
      p.segments[0]!.title = title;
      const r = await send('PUT', '/api/v1/programme', JSON.stringify({ programme: p }));
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(why);
    }
    const imp = await send('POST', '/api/v1/programme/import?dryRun=1', JSON.stringify({ text: '09:00 - 09:30\tKhai\u0000mạc\n09:30 - 10:00\tBế mạc', format: 'tsv', mode: 'replace-all' }));
    expect(imp.status).toBe(400);
    expect(((await imp.json()) as { error: { message: string } }).error.message).toMatch(/control character/);
    const after = (await (await fetch(`${server.url}/api/v1/programme`)).json()) as { revision: number };
    expect(after.revision).toBe(current.revision);
  });
});
