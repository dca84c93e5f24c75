import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../shared/engine/replay.ts';
import { resolvePlan } from '../../shared/engine/plan.ts';
import { actionsRepository } from '../../server/store/actions.repository.ts';
import { openDb } from '../../server/store/db.ts';
import { demoProgramme } from '../../server/demo/demo-programme.ts';
import { startTestServer } from '../support/server.ts';

describe('the embedded store', () => {
  it('runs in WAL mode with synchronous=FULL', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'ros-db-')), 'x.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('keeps a log whose replay gives exactly the stored run, and a reopened server resumes it', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'ros-log-')), 'store.sqlite');
    let clock = Date.UTC(2025, 6, 11, 7, 55);
    const now = () => clock;
    const first = await startTestServer({ dbFile, now });
    const show = first.app.show;
    const steps: [Parameters<typeof show.control>[1], number][] = [
      [{ type: 'start' }, 60_000],
      [{ type: 'pause' }, 30_000],
      [{ type: 'resume' }, 5_000],
      [{ type: 'add-time', ms: 120_000 }, 90_000],
      [{ type: 'next' }, 10_000],
      [{ type: 'goto', segmentId: 'd1-welcome-music' }, 1_000],
      [{ type: 'message', text: 'Xin kết thúc' }, 0],
    ];
    for (const [cmd, gap] of steps) {
      clock += gap;
      show.control('main', cmd, undefined, 'test');
    }
    const before = show.snapshot('main');
    await first.close();

    const db = openDb(dbFile);
    const repo = actionsRepository(db);
    const log = repo.log('main');
    expect(log.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(replay(resolvePlan(demoProgramme(null)), 'main', log)).toEqual(repo.latestRuns().get('main')?.run);
    db.close();

    const second = await startTestServer({ dbFile, now });
    expect(second.app.show.snapshot('main')).toEqual(before);
    await second.close();
  });
});
