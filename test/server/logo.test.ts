import { describe, expect, it } from 'vitest';
import type { ProgrammePayload } from '../../shared/protocol.ts';
import { useTestServer } from '../support/server.ts';

const srv = useTestServer({}, { each: true });

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SVG = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#c00"/></svg>';

const upload = (body: Buffer | string, type: string, token = srv.token) =>
  fetch(`${srv.url}/api/v1/logo`, { method: 'PUT', headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: typeof body === 'string' ? body : new Uint8Array(body) });
const programme = async () => ((await (await srv.api('GET', '/api/v1/programme')).json()) as ProgrammePayload);

describe('the event logo', () => {
  it('is uploaded once by an admin, stored, pointed at by the programme and served from the server', async () => {
    const before = await programme();
    expect((await upload(PNG, 'image/png', '')).status).toBe(401);
    const r = await upload(PNG, 'application/octet-stream');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { type: string; logoUrl: string; revision: number };
    expect(body.type).toBe('image/png');
    const after = await programme();
    expect(after.revision).toBe(before.revision + 1);
    expect(after.programme.event.logoUrl).toBe(body.logoUrl);
    expect(body.logoUrl).toMatch(/^\/api\/v1\/logo\?v=[0-9a-f]{16}$/);
    const served = await fetch(`${srv.url}${body.logoUrl}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await srv.api('DELETE', '/api/v1/logo')).status).toBe(200);
    expect((await fetch(`${srv.url}/api/v1/logo`)).status).toBe(404);
    expect((await programme()).programme.event.logoUrl).toBe('');
  });

  it('serves an SVG sandboxed, and refuses scripts, other types and oversized files with a clear error, changing nothing', async () => {
    expect((await upload(SVG, 'image/svg+xml')).status).toBe(200);
    const svg = await fetch(`${srv.url}/api/v1/logo`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(svg.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(svg.headers.get('x-content-type-options')).toBe('nosniff');
    const kept = await programme();

    const refusals: [Buffer | string, string, number, RegExp][] = [
      [SVG.replace('<rect', '<script>alert(1)</script><rect'), 'image/svg+xml', 400, /scripts/],
      [SVG.replace('<rect', '<rect onload="alert(1)"'), 'image/svg+xml', 400, /event handlers/],
      ['GIF89a…', 'image/gif', 400, /PNG, JPEG or SVG/],
      [Buffer.concat([PNG, Buffer.alloc(600 * 1024)]), 'image/png', 413, /limit is 512 KB/],
      ['', 'image/png', 400, /empty/],
    ];
    for (const [body, type, status, message] of refusals) {
      const r = await upload(body, type);
      expect(r.status).toBe(status);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    const now = await programme();
    expect(now.revision).toBe(kept.revision);
    expect((await fetch(`${srv.url}/api/v1/logo`)).headers.get('content-type')).toContain('image/svg+xml');
  });
});
