import { afterEach, describe, expect, it } from 'vitest';
import type { DayReport } from '../../shared/report/report.ts';
import type { ProgrammePayload } from '../../shared/protocol.ts';
import { makeProgramme } from '../support/factories.ts';
import { loginToken, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('several stages', () => {
  it('an import replaces one stage of a day and leaves the other; the report is per day and stage', async () => {
    const event = makeProgramme([['09:00', 30]]).event;
    const programme = makeProgramme(
      [
        ['09:00', 30, { title: 'Main opening' }],
        ['09:00', 60, { title: 'Hội thảo cũ', stageId: 'hall-b' }],
      ],
      { event: { ...event, stages: [...event.stages, { id: 'hall-b', name: 'Hội trường B' }] } },
    );
    server = await startTestServer({ programme });
    const token = await loginToken(server.url);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const text = ['Start,End,Session,Speaker', '09:00,09:45,Workshop: AI for farmers,Sở NN&PTNT', '09:45,10:30,Workshop: e-commerce,Sở Công Thương'].join('\n');
    const r = await fetch(`${server.url}/api/v1/programme/import`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text, stageId: 'hall-b', dayId: 'd1', mode: 'replace-day' }),
    });
    expect(r.status).toBe(200);
    const p = ((await (await fetch(`${server.url}/api/v1/programme`)).json()) as ProgrammePayload).programme;
    expect(p.segments.map((s) => [s.stageId, s.title])).toEqual([
      ['main', 'Main opening'],
      ['hall-b', 'Workshop: AI for farmers'],
      ['hall-b', 'Workshop: e-commerce'],
    ]);
    const start = await fetch(`${server.url}/api/v1/control/start`, { method: 'POST', headers, body: JSON.stringify({ stage: 'hall-b' }) });
    expect(start.status).toBe(200);
    const report = (await (await fetch(`${server.url}/api/v1/report?stage=hall-b`, { headers })).json()) as { days: DayReport[] };
    expect(report.days.map((d) => [d.dayId, d.stageName, d.rows.map((x) => x.status)])).toEqual([['d1', 'Hội trường B', ['running', 'not_run']]]);
    const all = (await (await fetch(`${server.url}/api/v1/report`, { headers })).json()) as { days: DayReport[] };
    expect(all.days.map((d) => d.stageId)).toEqual(['main', 'hall-b']);
    expect((await fetch(`${server.url}/api/v1/report?stage=nowhere`, { headers })).status).toBe(404);
  });
});
