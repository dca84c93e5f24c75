import { describe, expect, it } from 'vitest';
import { Programme } from '../../shared/model/programme.schema.ts';
import type { ProgrammePayload } from '../../shared/protocol.ts';
import { APPENDIX } from '../import/appendix.ts';
import { planDocx } from '../import/plan-docx.ts';
import { khanhHoa2025 } from '../../server/demo/khanh-hoa-2025.ts';
import { useTestServer } from '../support/server.ts';

const emptyDemo = () => ({ ...Programme.parse(khanhHoa2025), segments: [] });
const server = useTestServer(() => ({ programme: emptyDemo() }), { each: true });

const post = (path: string, body: unknown, auth = true) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${server.token}` } : {}) },
    body: JSON.stringify(body),
  });
// With the admin token: the crew's copy, MC notes included (the public one leaves them out).
const programme = async () =>
  (await (await fetch(`${server.url}/api/v1/programme`, { headers: { authorization: `Bearer ${server.token}` } })).json()) as ProgrammePayload;
type Preview = {
  dryRun: boolean;
  revision: number;
  days: { id: string; date: string }[];
  segments: { title: string; performer: string; plannedStart: string | null; durationMin: number; line: number }[];
  warnings: { code: string }[];
  notes: { code: string; line: number }[];
};

describe('POST /api/v1/programme/import', () => {
  it('?dryRun=1 returns days, segments and every warning, and saves nothing', async () => {
    const before = await programme();
    const r = await post('/api/v1/programme/import?dryRun=1', { format: 'auto', text: APPENDIX });
    expect(r.status).toBe(200);
    const body = (await r.json()) as Preview;
    expect(body.dryRun).toBe(true);
    expect(body.days.map((d) => d.date)).toEqual(['2025-07-11', '2025-07-12']);
    expect(body.segments).toHaveLength(17);
    expect(body.segments[0]).toMatchObject({ plannedStart: '08:30', durationMin: 120, performer: 'Người dân, du khách và các doanh nghiệp', line: 8 });
    expect(body.segments[11]).toMatchObject({ plannedStart: null, durationMin: 30 });
    expect(body.warnings.map((w) => w.code)).toEqual(['range_duration_mismatch', 'range_spans_rows', 'range_spans_rows']);
    expect(body.notes.map((n) => n.code)).toContain('joined_continuation');
    const after = await programme();
    expect(after.revision).toBe(before.revision);
    expect(after.programme.segments).toHaveLength(0);
  });

  it('imports after confirmation: saves, bumps the revision and tells every screen', async () => {
    const watcher = await server.client('');
    const heard = new Promise<ProgrammePayload>((resolve) => watcher.on('programme', (p) => p.programme.segments.length > 0 && resolve(p)));
    const r = await post('/api/v1/programme/import', { text: APPENDIX, mode: 'replace-day', expectedRevision: 1 });
    expect(r.status).toBe(200);
    const pushed = await heard;
    watcher.close();
    expect(pushed.revision).toBe(2);
    const demo = Programme.parse(khanhHoa2025).segments;
    expect(pushed.programme.segments.map((s) => [s.dayId, s.plannedStart, s.durationMin])).toEqual(demo.map((s) => [s.dayId, s.plannedStart, s.durationMin]));
    expect(pushed.programme.segments).toHaveLength(17);
    expect(pushed.warnings.map((w) => w.code)).toEqual(['range_duration_mismatch', 'range_spans_rows', 'range_spans_rows']);
    // Appending the same table again doubles the day; replacing it does not.
    await post('/api/v1/programme/import', { text: APPENDIX, mode: 'append' });
    expect((await programme()).programme.segments).toHaveLength(34);
    await post('/api/v1/programme/import', { text: APPENDIX, mode: 'replace-day' });
    expect((await programme()).programme.segments).toHaveLength(17);
  });

  it('an unreadable row: 400 with its line number and text, nothing saved, also on a dry run', async () => {
    const broken = APPENDIX.replace('17 giờ 20 - 17 giờ 30', 'sau phần phát biểu');
    for (const path of ['/api/v1/programme/import?dryRun=1', '/api/v1/programme/import']) {
      const r = await post(path, { text: broken });
      expect(r.status).toBe(400);
      const body = (await r.json()) as { error: { code: string; message: string; details: { errors: { line: number; text: string; code: string }[] } } };
      expect(body.error.code).toBe('bad_request');
      expect(body.error.details.errors).toEqual([
        { code: 'unreadable_time', line: 15, text: 'sau phần phát biểu\t10\tPhát biểu khai mạc.\tLãnh đạo UBND tỉnh', params: { value: 'sau phần phát biểu' } },
      ]);
      expect(body.error.message).toMatch(/line 15/);
    }
    expect((await programme()).revision).toBe(1);
  });

  it('reads "sau phần phát biểu" as following the row before only on the line the organiser confirmed', async () => {
    const broken = APPENDIX.replace('17 giờ 20 - 17 giờ 30', 'sau phần phát biểu');
    expect((await post('/api/v1/programme/import?dryRun=1', { text: broken, followLines: [14] })).status).toBe(400);
    const r = await post('/api/v1/programme/import', { text: broken, followLines: [15] });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { segments: { line: number | null; plannedStart: string | null; fixedStart: boolean }[]; notes: { code: string; line: number }[] };
    expect(body.segments.find((s) => s.line === 15)).toMatchObject({ plannedStart: null, fixedStart: false });
    expect(body.notes).toContainEqual(expect.objectContaining({ code: 'follows_previous', line: 15 }));
    expect((await programme()).revision).toBe(2);
  });

  it('reads a .docx plan sent as base64, and bodies larger than the 64 kb global cap', async () => {
    const docx = await planDocx(APPENDIX);
    const body = { format: 'docx', filename: 'ke-hoach.docx', base64: docx.toString('base64') };
    const r = await post('/api/v1/programme/import?dryRun=1', body);
    expect(r.status).toBe(200);
    const preview = (await r.json()) as Preview;
    expect(preview.segments).toHaveLength(17);
    // A pasted table of 400 rows is far above 64 kb and still accepted.
    const big = Array.from({ length: 400 }, (_, i) => `\t5\tTiết mục số ${i + 1} ${'với phần mô tả dài '.repeat(8)}\tĐoàn ${i}`);
    const text = ['Thời gian\tThời lượng\tNội dung\tThực hiện', '08:00 - 08:05\t5\tMở màn\tMC', ...big].join('\n');
    expect(Buffer.byteLength(JSON.stringify({ text }))).toBeGreaterThan(64 * 1024);
    const large = await post('/api/v1/programme/import?dryRun=1', { text });
    expect(large.status).toBe(200);
    expect(((await large.json()) as Preview).segments).toHaveLength(401);
  });

  it('a dry run says when the import would remove the segment running now; the import is then refused', async () => {
    await post('/api/v1/programme/import', { text: APPENDIX });
    const start = await post('/api/v1/control/start', { segmentId: (await programme()).programme.segments[3]!.id });
    expect(start.status).toBe(200);
    const dry = (await (await post('/api/v1/programme/import?dryRun=1', { text: APPENDIX, mode: 'replace-day' })).json()) as { refusal: { code: string } | null };
    expect(dry.refusal?.code).toBe('segment_running');
    const appendOnly = (await (await post('/api/v1/programme/import?dryRun=1', { text: APPENDIX, mode: 'append' })).json()) as { refusal: unknown };
    expect(appendOnly.refusal).toBeNull();
    const real = await post('/api/v1/programme/import', { text: APPENDIX, mode: 'replace-day' });
    expect(real.status).toBe(409);
    expect(((await real.json()) as { error: { code: string } }).error.code).toBe('segment_running');
  });

  it('needs an admin login', async () => {
    expect((await post('/api/v1/programme/import?dryRun=1', { text: APPENDIX }, false)).status).toBe(401);
  });

  it('refuses a stale expectedRevision', async () => {
    const r = await post('/api/v1/programme/import', { text: APPENDIX, expectedRevision: 7 });
    expect(r.status).toBe(409);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('stale_version');
  });
});

describe('export', () => {
  it('JSON export re-imports to the identical programme', async () => {
    await post('/api/v1/programme/import', { text: APPENDIX });
    const before = (await programme()).programme;
    const exported = await (await fetch(`${server.url}/api/v1/programme/export.json`, { headers: { authorization: `Bearer ${server.token}` } })).text();
    const r = await post('/api/v1/programme/import', { format: 'json', text: exported, mode: 'replace-all' });
    expect(r.status).toBe(200);
    const after = await programme();
    expect(after.revision).toBe(3);
    expect(after.programme).toEqual(before);
    expect(after.programme.segments.find((x) => x.notes !== '')?.notes).toMatch(/^Bao gồm: Báo cáo/);
  });

  it('CSV export: header, one row per segment, quoted where needed, BOM for Excel', async () => {
    await post('/api/v1/programme/import', { text: APPENDIX });
    const r = await fetch(`${server.url}/api/v1/programme/export.csv`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(r.headers.get('content-type')).toMatch(/text\/csv/);
    const buf = Buffer.from(await r.arrayBuffer());
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Date,Day,Stage,Start,End,Duration,Title,Performer,Kind,Section,Notes,Fixed');
    expect(lines).toHaveLength(18);
    expect(lines[1]).toBe(
      '2025-07-11,Ngày thứ 1,Sân khấu chính,08:30,10:30,120,"Tổ chức hoạt động trò chơi thực tế ảo VR, AR, 3D; trao quà cho người chiến thắng","Người dân, du khách và các doanh nghiệp",other,Buổi sáng,,yes',
    );
  });
});
