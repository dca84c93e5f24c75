import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsRepository } from '../../server/store/actions.repository.ts';
import { openDb } from '../../server/store/db.ts';
import { resolvePlan } from '../../shared/engine/plan.ts';
import { replay } from '../../shared/engine/replay.ts';
import { stageReport, type DayReport } from '../../shared/report/report.ts';
import { at, makeProgramme, MIN } from '../support/factories.ts';
import { loginToken, startTestServer } from '../support/server.ts';

const SEC = 1000;
const programme = makeProgramme([
  ['17:00', 15, { title: 'Ca nhạc chào mừng', performer: 'Sở VHTTDL' }],
  [null, 5, { title: 'Tuyên bố lý do' }],
  [null, 10, { title: 'Phát biểu khai mạc' }],
  [null, 10, { title: 'Cắt băng khai mạc' }],
  [null, 10, { title: 'Tham quan gian hàng' }],
]);

type Report = { days: DayReport[]; replayIssues: unknown[] };

/**
 * A real show on a real server: the opening runs 2 minutes paused and 3 minutes added, the
 * speech is skipped with go-to, and the ribbon cutting runs long; the last segment never runs.
 */
async function runShow(dbFile: string) {
  let clock = at('16:58');
  const server = await startTestServer({ programme, now: () => clock, dbFile });
  const token = await loginToken(server.url);
  const control = async (action: string, body: unknown = {}) => {
    const r = await fetch(`${server.url}/api/v1/control/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(r.status, `${action} at ${new Date(clock).toISOString()}`).toBe(200);
  };
  clock = at('17:01'); // one minute late
  await control('start');
  clock = at('17:06');
  await control('pause');
  clock = at('17:08');
  await control('resume');
  await control('add-time', { ms: 3 * MIN });
  clock = at('17:19', 30); // 15 + 3 added + 30 s over, after 2 min paused
  await control('next');
  clock = at('17:24');
  await control('goto', { segmentId: 's4' }); // s3, the speech, is skipped
  clock = at('17:38');
  await control('end');
  return { server, token, clock };
}

describe('planned vs actual report from a real action log', () => {
  it('shows planned and actual start and duration, pauses, added time, the skipped segment and totals', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'ros-report-')), 'db.sqlite');
    const { server, token } = await runShow(dbFile);
    const r = await fetch(`${server.url}/api/v1/report?day=d1&stage=main`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    const report = (await r.json()) as Report;
    await server.close();

    expect(report.days).toHaveLength(1);
    const day = report.days[0]!;
    const row = (id: string) => day.rows.find((x) => x.segmentId === id)!;
    expect(day.rows.map((x) => x.status)).toEqual(['done', 'done', 'skipped', 'done', 'not_run']);

    expect(row('s1')).toMatchObject({
      plannedStart: at('17:00'),
      plannedDurationMs: 15 * MIN,
      actualStart: at('17:01'),
      actualEnd: at('17:19', 30),
      pausedMs: 2 * MIN,
      addedMs: 3 * MIN,
      startDiffMs: 1 * MIN,
      actualDurationMs: 16 * MIN + 30 * SEC,
      durationDiffMs: 1 * MIN + 30 * SEC,
    });
    expect(row('s2')).toMatchObject({ actualStart: at('17:19', 30), actualDurationMs: 4 * MIN + 30 * SEC, durationDiffMs: -30 * SEC });
    expect(row('s3')).toMatchObject({ actualStart: null, actualDurationMs: null, durationDiffMs: null });
    expect(row('s4')).toMatchObject({ actualStart: at('17:24'), actualEnd: at('17:38'), durationDiffMs: 4 * MIN });
    expect(day.totals).toMatchObject({
      plannedMs: 50 * MIN,
      actualMs: (16.5 + 4.5 + 14) * MIN,
      overUnderMs: (1.5 - 0.5 + 4) * MIN,
      done: 3,
      running: 0,
      skipped: 1,
      notRun: 1,
      // s4 was planned to end 17:40 (17:00 + 15 + 5 + 10 + 10) and ended 17:38.
      endDiffMs: -2 * MIN,
    });
    expect(day.longestOver.map((o) => [o.segmentId, o.overMs])).toEqual([
      ['s4', 4 * MIN],
      ['s1', 1.5 * MIN],
    ]);
    expect(report.replayIssues).toEqual([]);

    // After a restart the report is computed again from the stored log: the same numbers.
    const again = await startTestServer({ programme, now: () => at('20:00'), dbFile });
    const t2 = await loginToken(again.url);
    const after = (await (await fetch(`${again.url}/api/v1/report`, { headers: { authorization: `Bearer ${t2}` } })).json()) as Report;
    const csv = await (await fetch(`${again.url}/api/v1/report.csv?day=d1`, { headers: { authorization: `Bearer ${t2}` } })).text();
    await again.close();
    expect(after.days.find((d) => d.dayId === 'd1')).toEqual(day);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[1]).toBe('2025-07-11,Main,Ca nhạc chào mừng,Sở VHTTDL,done,17:00:00,15:00,17:01:00,17:19:30,16:30,2:00,+3:00,+1:00,+1:30');
    expect(lines[3]).toBe('2025-07-11,Main,Phát biểu khai mạc,,skipped,17:20:00,10:00,,,,,,,');
    expect(lines.at(-1)).toBe('2025-07-11,Main,TOTAL,,,,50:00,,,35:00,,,-2:00,+5:00');
  });

  it('the pure report agrees with the server: its fold of the stored log equals the stored run', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'ros-report-')), 'db.sqlite');
    const { server } = await runShow(dbFile);
    const stored = server.app.show.current();
    await server.close();
    const db = openDb(dbFile);
    const repo = actionsRepository(db);
    const log = repo.log('main');
    const run = repo.latestRuns().get('main')?.run;
    db.close();
    const plan = resolvePlan(stored.programme);
    expect(replay(plan, 'main', log)).toEqual(run);
    const report = stageReport(stored.programme, plan, 'main', log, at('21:00'));
    expect(report.days.find((d) => d.dayId === 'd1')?.rows.filter((r) => r.status === 'skipped').map((r) => r.title)).toEqual(['Phát biểu khai mạc']);
    // A later edit that deletes a segment the log refers to is reported, not fatal.
    const edited = { ...stored.programme, segments: stored.programme.segments.filter((s) => s.id !== 's4') };
    const afterEdit = stageReport(edited, resolvePlan(edited), 'main', log, at('21:00'));
    expect(afterEdit.replayIssues.map((i) => i.code)).toContain('unknown_segment');
  });

  it('keeps what happened when the programme is edited mid-show: a segment inserted before the running one', async () => {
    let clock = at('17:00');
    const server = await startTestServer({ programme, now: () => clock });
    const token = await loginToken(server.url);
    const call = async (method: string, path: string, body: unknown = {}) => {
      const r = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      expect(r.status, path).toBe(200);
    };
    try {
      await call('POST', '/api/v1/control/start');
      clock = at('17:15');
      await call('POST', '/api/v1/control/next'); // s2 runs
      const inserted = { ...programme.segments[1]!, id: 'late-addition', title: 'Tiết mục thêm' };
      const edited = { ...programme, segments: [programme.segments[0]!, inserted, ...programme.segments.slice(1)] };
      clock = at('17:17');
      await call('PUT', '/api/v1/programme', { programme: edited });
      clock = at('17:20');
      await call('POST', '/api/v1/control/next'); // s3 runs
      const report = (await (await fetch(`${server.url}/api/v1/report?day=d1`, { headers: { authorization: `Bearer ${token}` } })).json()) as Report;
      const rows = new Map(report.days[0]!.rows.map((r) => [r.segmentId, r]));
      // What ran, as it ran, even though a fold of the log against today's programme would now
      // send the first Next to the inserted row.
      expect(rows.get('s1')).toMatchObject({ status: 'done', actualStart: at('17:00'), actualEnd: at('17:15') });
      expect(rows.get('s2')).toMatchObject({ status: 'done', actualStart: at('17:15'), actualEnd: at('17:20') });
      expect(rows.get('s3')).toMatchObject({ status: 'running', actualStart: at('17:20') });
      expect(rows.get('late-addition')?.status).toBe('skipped');
    } finally {
      await server.close();
    }
  });
});

