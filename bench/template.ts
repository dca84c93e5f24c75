import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.ts';
import { demoProgramme } from '../server/demo/demo-programme.ts';
import { openDb } from '../server/store/db.ts';

/**
 * A real running snapshot and programme payload of the demo day, as our server sends them, for the
 * baseline to broadcast: the same bytes, none of the work.
 */
export function recordTemplate(): { snapshotFile: string; programmeFile: string; snapshotBytes: number } {
  const db = openDb(':memory:');
  const app = createApp({ db, seed: () => demoProgramme(null), benchClock: () => Number(process.hrtime.bigint()) / 1e6 });
  const snap = app.show.control(undefined, { type: 'start' }, undefined, 'bench');
  const dir = mkdtempSync(join(tmpdir(), 'ros-bench-'));
  const snapshotFile = join(dir, 'snapshot.json');
  const programmeFile = join(dir, 'programme.json');
  writeFileSync(snapshotFile, JSON.stringify(snap));
  writeFileSync(programmeFile, JSON.stringify(app.show.programmePayload()));
  app.io.close();
  db.close();
  return { snapshotFile, programmeFile, snapshotBytes: Buffer.byteLength(JSON.stringify(snap)) };
}
