import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../server/app.ts';
import { demoProgramme } from '../server/demo/demo-programme.ts';
import { openDb } from '../server/store/db.ts';
import { actionAt } from './operator.ts';
import { percentile } from './stats.ts';

export type ControlCost = { n: number; totalMs: { p50: number; p99: number }; persistMs: { p50: number; p99: number } };

/**
 * The server's own cost of one control action, in process and without viewers: the ShowService
 * path (check version, fold, append to SQLite with fsync, derive the snapshot, hand it to the
 * broadcaster), against a file store like production. The append alone is timed as well.
 */
export function controlCost(n = 300): ControlCost {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'ros-bench-cost-')), 'cost.sqlite'));
  const app = createApp({ db, seed: () => demoProgramme(null) });
  app.show.control(undefined, { type: 'start' }, undefined, 'bench');
  const total: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    app.show.control(undefined, actionAt(i), undefined, 'bench');
    total.push(performance.now() - t0);
  }
  const insert = db.prepare('CREATE TABLE IF NOT EXISTS bench_fsync (v INTEGER)');
  insert.run();
  const write = db.prepare('INSERT INTO bench_fsync (v) VALUES (?)');
  const persist: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    write.run(i);
    persist.push(performance.now() - t0);
  }
  void app.io.close();
  db.close();
  const p = (v: number[]) => ({ p50: percentile(v, 50), p99: percentile(v, 99) });
  return { n, totalMs: p(total), persistMs: p(persist) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(controlCost());
