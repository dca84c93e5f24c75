import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoProgramme } from '../../server/demo/demo-programme.ts';
import { programmeRepository } from '../../server/store/programme.repository.ts';
import type { Programme } from '../../shared/model/programme.schema.ts';
import { serverBundle } from '../support/bundle.ts';
import { loginToken, spawnServer } from '../support/server.ts';

/** Two whole programmes that differ in every segment, so a mix of both could not go unnoticed. */
function variant(tag: string, count: number): Programme {
  const base = demoProgramme(null);
  const segments = Array.from({ length: count }, (_, i) => ({
    ...base.segments[i % base.segments.length]!,
    id: `${tag}-${i}`,
    dayId: 'd1',
    title: `${tag} segment ${i}`,
    plannedStart: i === 0 ? '08:00' : null,
    plannedEnd: null,
    fixedStart: i === 0,
    durationMin: 5,
  }));
  return { ...base, segments };
}

describe('a crash during programme edits', () => {
  it('leaves the whole old or the whole new programme, never a mix (12 kill -9 rounds)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ros-edit-crash-'));
    const bundle = await serverBundle();
    const versions = [variant('alpha', 300), variant('beta', 260)];
    let acknowledgedRevision = 0;
    for (let round = 0; round < 12; round++) {
      const server = await spawnServer({ dataDir, bundle });
      const token = await loginToken(server.url);
      if (round === 0) {
        // Replace the demo once, so every state the store can be left in is one of the two variants.
        await fetch(`${server.url}/api/v1/programme`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ programme: versions[1] }),
        });
      }
      const killAt = 30 + Math.random() * 200;
      const killer = setTimeout(() => server.proc.kill('SIGKILL'), killAt);
      for (let i = 0; i < 200; i++) {
        try {
          const r = await fetch(`${server.url}/api/v1/programme`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ programme: versions[i % 2] }),
          });
          if (r.status === 200) acknowledgedRevision = ((await r.json()) as { revision: number }).revision;
        } catch {
          break;
        }
      }
      clearTimeout(killer);
      await server.kill9().catch(() => undefined);

      const db = new Database(join(dataDir, 'run-of-show.sqlite'));
      const stored = programmeRepository(db).load();
      db.close();
      expect(stored).not.toBeNull();
      expect(stored!.revision).toBeGreaterThanOrEqual(acknowledgedRevision);
      const titles = stored!.programme.segments.map((s) => s.title.split(' ')[0]);
      const whole = versions.some((v) => v.segments.length === stored!.programme.segments.length);
      expect(whole).toBe(true);
      expect(new Set(titles).size).toBe(1);
    }
  }, 240_000);
});
