import { describe, expect, it } from 'vitest';
import type { ProgrammePayload, RunState } from '../../shared/protocol.ts';
import type { ScreenInfo, ScreenPairing } from '../../shared/model/screen.schema.ts';
import { ask, codeOf, expectOk, nextEvent, type TypedClient } from '../support/client.ts';
import { makeProgramme } from '../support/factories.ts';
import { useTestServer } from '../support/server.ts';

/** Two stages on one day, as at the Quảng Ngãi week: a conference hall and a workshop elsewhere. */
function twoStages() {
  const event = makeProgramme([]).event;
  return makeProgramme(
    [
      ['09:00', 30, { title: 'Khai mạc' }],
      ['09:30', 30, { title: 'Tọa đàm' }],
      ['09:00', 45, { title: 'Hội thảo du lịch số', stageId: 'khu-trien-lam' }],
      ['09:45', 45, { title: 'Tham quan gian hàng', stageId: 'khu-trien-lam' }],
    ],
    {
      event: {
        ...event,
        stages: [
          { id: 'main', name: 'Hội trường chính', venue: 'Trung tâm Hội nghị và Triển lãm tỉnh' },
          { id: 'khu-trien-lam', name: 'Khu triển lãm', venue: 'xã Măng Đen' },
        ],
      },
    },
  );
}

const srv = useTestServer({ programme: twoStages() }, { each: true });

/** Every `run` message a socket receives, in order. */
function runsOf(c: TypedClient): RunState[] {
  const got: RunState[] = [];
  c.on('run', (s) => got.push(s));
  return got;
}

describe('two stages at once', () => {
  it('two MC consoles run their own stage; each stage timer hears its own stage only', async () => {
    const mcA = await srv.client();
    const mcB = await srv.client();
    const timerA = await srv.client('');
    const timerB = await srv.client('');
    expectOk(await ask(timerA, 'stage:watch', { stageId: 'main', feed: 'run' }));
    // The stage timer's link may name the stage as people write it.
    const b = expectOk(await ask(timerB, 'stage:watch', { stageId: 'Khu Triển Lãm', feed: 'run' }));
    expect(b.stageId).toBe('khu-trien-lam');
    const heardA = runsOf(timerA);
    const heardB = runsOf(timerB);

    const [startA, startB] = await Promise.all([
      ask(mcA, 'control', { stageId: 'main', command: { type: 'start', dayId: 'd1' }, expectedVersion: 0 }),
      ask(mcB, 'control', { stageId: 'khu-trien-lam', command: { type: 'start', dayId: 'd1' }, expectedVersion: 0 }),
    ]);
    expect(expectOk(startA).run.cursorId).toBe('s1');
    expect(expectOk(startB).run.cursorId).toBe('s3');
    // Each stage counts its own versions: B's start did not make A's next stale.
    const nextA = expectOk(await ask(mcA, 'control', { stageId: 'main', command: { type: 'next' }, expectedVersion: 1 }));
    expect(nextA.run.cursorId).toBe('s2');
    const msgB = expectOk(await ask(mcB, 'control', { stageId: 'khu trien lam', command: { type: 'message', text: 'Còn 2 phút' }, expectedVersion: 1 }));
    expect(msgB.stageId).toBe('khu-trien-lam');

    await expect.poll(() => heardA.length).toBe(2);
    await expect.poll(() => heardB.length).toBe(2);
    expect(heardA.every((s) => s.stageId === 'main')).toBe(true);
    expect(heardB.every((s) => s.stageId === 'khu-trien-lam')).toBe(true);
    expect(heardA.at(-1)?.run.message).toBeNull();
    expect(heardB.at(-1)?.run.message?.text).toBe('Còn 2 phút');
    expect(heardB.at(-1)?.run.cursorId).toBe('s3');

    // Over HTTP too, by id or name; an unknown stage lists the valid ones.
    const stateB = (await (await srv.api('GET', `/api/v1/state?stage=${encodeURIComponent('Khu triển lãm')}`)).json()) as { currentId: string; version: number };
    expect(stateB).toMatchObject({ currentId: 's3', version: 2 });
    const unknown = await srv.api('GET', '/api/v1/state?stage=stage');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { details: unknown } }).error.details).toEqual({
      stages: [
        { id: 'main', name: 'Hội trường chính' },
        { id: 'khu-trien-lam', name: 'Khu triển lãm' },
      ],
    });
  });

  it('stages:watch gives every stage and then every stage’s changes, on /live too', async () => {
    const mc = await srv.client();
    const phone = await srv.client('', '/live');
    const all = expectOk(await ask(phone, 'stages:watch', {}));
    expect(all.map((s) => [s.stageId, s.version])).toEqual([
      ['main', 0],
      ['khu-trien-lam', 0],
    ]);
    const heard = runsOf(phone);
    expectOk(await ask(mc, 'control', { stageId: 'khu-trien-lam', command: { type: 'start', dayId: 'd1' } }));
    expectOk(await ask(mc, 'control', { stageId: 'main', command: { type: 'start', dayId: 'd1' } }));
    await expect.poll(() => heard.map((s) => s.stageId).sort()).toEqual(['khu-trien-lam', 'main']);
  });

  it('a stage id changes with its segments and screens in one save; a stage that has run keeps its id', async () => {
    const tech = await srv.client();
    const led = await srv.client('');
    const size = { width: 1920, height: 480 };
    const { code } = expectOk(await ask(led, 'screen:pair', size));
    const paired = nextEvent(led, 'screen:paired');
    expectOk(await ask(tech, 'screen:confirm', { code, name: 'LED sảnh' }));
    const pairing: ScreenPairing = await paired;
    expectOk(await ask(led, 'screen:register', { ...pairing, ...size }));
    expectOk(await ask(tech, 'screen:assign', { screens: [pairing.screenId], layout: { type: 'now-next', stageId: 'khu-trien-lam', show: { overtime: false } } }));

    const current = (await (await srv.api('GET', '/api/v1/programme')).json()) as ProgrammePayload;
    const renamed = {
      event: { ...current.programme.event, stages: current.programme.event.stages.map((s) => (s.id === 'khu-trien-lam' ? { ...s, id: 'mang-den' } : s)) },
      segments: current.programme.segments.map((s) => (s.stageId === 'khu-trien-lam' ? { ...s, stageId: 'mang-den' } : s)),
    };
    const changed = nextEvent(led, 'screen:changed');
    const put = await srv.api('PUT', '/api/v1/programme', { programme: renamed, expectedRevision: current.revision, renamedStages: { 'khu-trien-lam': 'mang-den' } });
    expect(put.status).toBe(200);
    const screen: ScreenInfo = await changed;
    expect(screen.layout).toEqual({ type: 'now-next', stageId: 'mang-den', show: { overtime: false } });

    // Once the stage has run, its id stays (its log is kept under it): refused, nothing changed.
    const mc = await srv.client();
    expectOk(await ask(mc, 'control', { stageId: 'mang-den', command: { type: 'start', dayId: 'd1' } }));
    const now = (await (await srv.api('GET', '/api/v1/programme')).json()) as ProgrammePayload;
    const again = {
      event: { ...now.programme.event, stages: now.programme.event.stages.map((s) => (s.id === 'mang-den' ? { ...s, id: 'mang-den-2' } : s)) },
      segments: now.programme.segments.map((s) => (s.stageId === 'mang-den' ? { ...s, stageId: 'mang-den-2' } : s)),
    };
    const refused = await srv.api('PUT', '/api/v1/programme', { programme: again, expectedRevision: now.revision, renamedStages: { 'mang-den': 'mang-den-2' } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('stage_has_run');
    const after = (await (await srv.api('GET', '/api/v1/programme')).json()) as ProgrammePayload;
    expect(after.revision).toBe(now.revision);
    expect(after.programme.event.stages.map((s) => s.id)).toEqual(['main', 'mang-den']);
    // Its name may still change.
    const named = { ...now.programme, event: { ...now.programme.event, stages: now.programme.event.stages.map((s) => (s.id === 'mang-den' ? { ...s, name: 'Măng Đen' } : s)) } };
    expect((await srv.api('PUT', '/api/v1/programme', { programme: named, expectedRevision: now.revision })).status).toBe(200);
    // A rename that names no current stage is refused too.
    const bogus = await srv.api('PUT', '/api/v1/programme', { programme: named, renamedStages: { nowhere: 'main' } });
    expect(bogus.status).toBe(400);
    expect(codeOf(await ask(mc, 'control', { stageId: 'stage', command: { type: 'next' } }))).toBe('not_found');
  });
});
