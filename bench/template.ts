import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.ts';
import { demoProgramme } from '../server/demo/demo-programme.ts';
import { openDb } from '../server/store/db.ts';
import { runStateOf } from '../shared/protocol.ts';

/** Bytes of what a stage sends, at the start of the day and once every segment has run. */
export type PayloadSizes = { runStart: number; runEndOfDay: number; snapshotStart: number; snapshotEndOfDay: number };

/**
 * A real running state and programme payload of the demo day, as our server sends them to phones
 * and screens (the `run` feed), for the baseline to broadcast: the same bytes, none of the work.
 */
export function recordTemplate(): { snapshotFile: string; programmeFile: string; sizes: PayloadSizes } {
  const db = openDb(':memory:');
  const app = createApp({ db, seed: () => demoProgramme(null), benchClock: () => Number(process.hrtime.bigint()) / 1e6 });
  const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
  const first = app.show.control(undefined, { type: 'start' }, undefined, 'bench');
  const dir = mkdtempSync(join(tmpdir(), 'ros-bench-'));
  const snapshotFile = join(dir, 'run-state.json');
  const programmeFile = join(dir, 'programme.json');
  writeFileSync(snapshotFile, JSON.stringify(runStateOf(first)));
  writeFileSync(programmeFile, JSON.stringify(app.show.programmePayload()));
  // The payload grows with each segment that ran: the end of the day is the largest it gets.
  let last = first;
  for (let i = 0; i < 100; i++) {
    try {
      last = app.show.control(undefined, { type: 'next' }, undefined, 'bench');
    } catch {
      break;
    }
  }
  const strip = <T extends { benchSentAt?: number }>(s: T): T => ({ ...s, benchSentAt: undefined });
  const sizes: PayloadSizes = {
    runStart: bytes(strip(runStateOf(first))),
    runEndOfDay: bytes(strip(runStateOf(last))),
    snapshotStart: bytes(strip(first)),
    snapshotEndOfDay: bytes(strip(last)),
  };
  void app.io.close();
  db.close();
  return { snapshotFile, programmeFile, sizes };
}
