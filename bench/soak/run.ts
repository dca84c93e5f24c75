/**
 * `npm run soak`: the long versions of the reliability tests in test/reliability/ —
 * 1,000 kill -9 rounds, 100,000 hostile socket messages, a 5,000-viewer reconnect storm.
 * Bounded in count and time; only 127.0.0.1. Writes bench/results/soak-<date>.json.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashLoop } from '../../test/reliability/crash-loop.ts';
import { fuzzServer } from '../../test/reliability/fuzz.ts';
import { serverBundle } from '../../test/support/bundle.ts';
import { freePort } from '../../test/support/wait.ts';
import { loginToken, ROOT, spawnServer } from '../../test/support/server.ts';
import type { Snapshot } from '../../shared/protocol.ts';
import { reconnectStorm } from './reconnect-storm.ts';

const arg = (name: string, fallback: number) => {
  const m = process.argv.find((a) => a.startsWith(`--${name}=`));
  return m ? Number(m.split('=')[1]) : fallback;
};
const rounds = arg('rounds', 1000);
const messages = arg('messages', 100_000);
const viewers = arg('viewers', 5000);
const only = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1];

const bundle = await serverBundle();
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}`,
  loadavgAtStart: loadavg(),
};

if (!only || only === 'crash') {
  const t = Date.now();
  const r = await crashLoop({
    rounds,
    dataDir: mkdtempSync(join(tmpdir(), 'ros-soak-crash-')),
    bundle,
    deadlineMs: 60 * 60_000,
    onProgress: (p) => console.log(`crash loop: ${p.rounds} rounds, ${p.acknowledged} acknowledged, ${p.failures.length} failures, ${Math.round((Date.now() - t) / 1000)} s`),
  });
  results.crashLoop = { ...r, failures: r.failures.slice(0, 20), failureCount: r.failures.length, seconds: (Date.now() - t) / 1000 };
  console.log('crash loop', JSON.stringify(results.crashLoop));
}

if (!only || only === 'fuzz') {
  const server = await spawnServer({ bundle });
  try {
    const token = await loginToken(server.url);
    for (const a of ['start', 'next', 'pause']) await fetch(`${server.url}/api/v1/control/${a}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    // What actions change; projections move with the clock while paused, so they are left out.
    const strip = (s: Snapshot) => JSON.stringify([s.version, s.phase, s.currentId, s.timer, s.message, s.segments.map((x) => [x.id, x.actualStart, x.actualEnd])]);
    const before = strip((await (await fetch(`${server.url}/api/v1/state`)).json()) as Snapshot);
    const t = Date.now();
    const r = await fuzzServer(server.url, token, messages, 1123, 30 * 60_000);
    const after = strip((await (await fetch(`${server.url}/api/v1/state`)).json()) as Snapshot);
    const alive = (await fetch(`${server.url}/healthz`)).status === 200 && server.proc.exitCode === null;
    results.fuzz = { ...r, seconds: (Date.now() - t) / 1000, stateUnchanged: before === after, serverAlive: alive };
    console.log('fuzz', JSON.stringify(results.fuzz));
  } finally {
    await server.kill9();
  }
}

if (!only || only === 'storm') {
  const r = await reconnectStorm({ viewers, port: await freePort(), dataDir: mkdtempSync(join(tmpdir(), 'ros-soak-storm-')), bundle });
  results.reconnectStorm = r;
  console.log('reconnect storm', JSON.stringify(r));
}

results.loadavgAtEnd = loadavg();
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
const file = join(ROOT, `bench/results/soak-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`written ${file}`);
process.exit(0);
