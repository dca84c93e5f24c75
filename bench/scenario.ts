import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { actionAt, login, operator } from './operator.ts';
import { forkTs, pinned, probe, probeReset, request, spawnServer, stop, usage, type Spawned } from './procs.ts';
import { startRedis, type TestRedis } from '../test/support/redis.ts';
import type { FromViewers } from './protocol.ts';
import { mergeHistograms, percentile, sleep, type Percentiles } from './stats.ts';

/**
 * `edges`: a primary and two edges (`npm run edge`) through a local redis-server, the viewers split
 * between the edges; `edge-one-core`: one edge alone on the server core, for its capacity.
 */
export type ServerKind = 'ours' | 'baseline' | 'edges' | 'edge-one-core';
const edgeCount = (kind: ServerKind) => (kind === 'edges' ? 2 : kind === 'edge-one-core' ? 1 : 0);

export type ScenarioOptions = {
  kind: ServerKind;
  viewers: number;
  actions: number;
  actionsPerSec: number;
  perProcess: number;
  /** Viewers that also estimate their clock offset (a real screen does it on connect). */
  clockSockets: number;
  serverCpus: string | null;
  clientCpus: string | null;
  template: { snapshotFile: string; programmeFile: string };
  env?: Record<string, string>;
};

export type ScenarioResult = {
  kind: ServerKind;
  viewers: number;
  connected: number;
  failed: number;
  rampPerSec: number;
  latency: Percentiles;
  /** Of (viewer, action) pairs: the viewer got a snapshot at least as new as the action. */
  delivered: number;
  /** Of (viewer, action) pairs: that came as a newer snapshot, the action's own was replaced in flight. */
  superseded: number;
  outOfOrder: number;
  serverCpuPct: number;
  /** CPU of the busiest load-generator process: near 100 % means the clients, not the server, set the latency. */
  clientCpuPct: number;
  rssPerViewerKB: number;
  heapPerViewerKB: number;
  eldP99Ms: number;
  eldMaxMs: number;
  snapshotBytes: number;
  frameBytes: number;
  clockErrMs: { p50: number; p95: number; max: number; n: number };
  ackMs: { p50: number; p99: number };
  loadavg: string;
};

const PASSWORD = 'bench-admin-password';

const isMsg = (type: FromViewers['type']) => (m: unknown): boolean => (m as { type?: string }).type === type;

export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const ours = o.kind !== 'baseline';
  const redis: TestRedis | null = edgeCount(o.kind) > 0 ? await startRedis((cmd, args) => pinned(o.serverCpus, cmd, args)) : null;
  const cluster = redis ? { REDIS_URL: redis.url } : {};
  const server = ours
    ? await spawnServer('server/main.ts', { HOST: '127.0.0.1', PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'ros-bench-')), ADMIN_PASSWORD: PASSWORD, BENCH_TIMESTAMPS: '1', DEMO_DATES: 'original', ...cluster, ...o.env }, o.serverCpus)
    : await spawnServer('bench/baseline-server.ts', { BASELINE_STATE: o.template.snapshotFile, BASELINE_PROGRAMME: o.template.programmeFile, ...o.env }, o.serverCpus);
  const url = `http://127.0.0.1:${server.port}`;
  const edges: Spawned[] = [];
  for (let i = 0; i < edgeCount(o.kind); i++) edges.push(await spawnServer('server/edge/main.ts', { HOST: '127.0.0.1', PORT: '0', ...cluster }, o.serverCpus));
  // The viewers connect to the edges when there are some (directly: nginx is not measured here).
  const viewerUrls = edges.length > 0 ? edges.map((e) => `http://127.0.0.1:${e.port}`) : [url];
  /** Where the audience lives: the probe and the memory figures look there. */
  const audience = edges[0] ?? server;
  /** Every server process of the run, for CPU. */
  const pids = () => [server.pid, ...edges.map((e) => e.pid), ...(redis?.pid() ? [redis.pid()!] : [])];
  const gens: ChildProcess[] = [];
  try {
    const op = await operator(url, ours ? await login(url, PASSWORD) : undefined);
    if (ours) await op.send({ type: 'start' });

    const procs = Math.max(1, Math.ceil(o.viewers / o.perProcess));
    for (let i = 0; i < procs; i++) gens.push(forkTs('bench/viewers.ts', o.clientCpus));
    await Promise.all(gens.map((g) => new Promise<void>((r) => g.once('message', () => r()))));
    const shares = gens.map((_, i) => Math.floor(o.viewers / procs) + (i < o.viewers % procs ? 1 : 0));
    // Memory per viewer is the slope over the second half of the audience: what the first
    // connection costs once (compiled code, lazily built state) stays out of it.
    type Connected = Extract<FromViewers, { type: 'connected' }>;
    // A generator answers one request at a time: its share of each edge in turn, summed.
    const connectPart = async (part: (share: number) => number) =>
      Promise.all(
        gens.map(async (g, i) => {
          const total = part(shares[i] ?? 0);
          const sum: Connected = { type: 'connected', connected: 0, failed: 0, ms: 0 } as Connected;
          for (const [k, u] of viewerUrls.entries()) {
            const count = Math.floor(total / viewerUrls.length) + (k < total % viewerUrls.length ? 1 : 0);
            const c = (await request(g, { type: 'connect', url: u, count, concurrency: 400, deadlineMs: 120_000 }, isMsg('connected'), 150_000)) as Connected;
            sum.connected += c.connected;
            sum.failed += c.failed;
            sum.ms += c.ms;
          }
          return sum;
        }),
      );
    const first = await connectPart((share) => Math.floor(share / 2));
    await sleep(500);
    const half = await probe(audience.proc, true);
    const rssHalf = usage(audience.pid).rss;
    const second = await connectPart((share) => share - Math.floor(share / 2));
    const connected = [...first, ...second];
    const n = connected.reduce((a, c) => a + c.connected, 0);
    const nSecond = second.reduce((a, c) => a + c.connected, 0);
    const rampMs = Math.max(...first.map((c) => c.ms)) + Math.max(...second.map((c) => c.ms));

    await sleep(1000);
    const after = await probe(audience.proc, true);
    const rssAfter = usage(audience.pid).rss;

    await Promise.all(gens.map((g) => request(g, { type: 'reset' }, isMsg('reset-done'))));
    if (process.env.BENCH_DEBUG_MEM) console.log(o.kind, JSON.stringify({ half, after, rssHalf, rssAfter, nSecond }));
    await probeReset(audience.proc);
    const cpuOf = () => pids().reduce((a, p) => a + usage(p).cpuMs, 0);
    const cpu0 = cpuOf();
    const t0 = Date.now();
    // Clock estimates run while the show runs, as a phone joining mid-show would make them.
    const clock = Promise.all(gens.map((g) => request(g, { type: 'clock', sockets: Math.ceil(o.clockSockets / procs), pings: 8, gapMs: 120 }, isMsg('clock'))));
    const acks: number[] = [];
    const sent: [number, number][] = [];
    let refused = 0;
    for (let i = 0; i < o.actions; i++) {
      const due = t0 + (i * 1000) / o.actionsPerSec;
      await sleep(Math.max(0, due - Date.now()));
      const r = await op.send(actionAt(i));
      acks.push(r.rttMs);
      if (!r.ok) refused++;
      else if (r.version !== undefined && r.benchSentAt !== undefined) sent.push([r.version, r.benchSentAt]);
    }
    const last = sent.at(-1)?.[0] ?? 0;
    await Promise.all(gens.map((g) => request(g, { type: 'await', version: last, timeoutMs: 15_000 }, isMsg('awaited'), 20_000)));
    const cpuMs = cpuOf() - cpu0;
    const wallMs = Date.now() - t0;
    const eld = await probe(audience.proc, false);
    const clockErrs = ((await clock) as Extract<FromViewers, { type: 'clock' }>[]).flatMap((c) => c.errorsMs);
    const reports = (await Promise.all(gens.map((g) => request(g, { type: 'report', sent }, isMsg('report'))))) as Extract<FromViewers, { type: 'report' }>[];
    op.close();
    const pairs = reports.reduce((a, r) => a + r.pairs, 0);
    if (sent.length !== o.actions) throw new Error(`${o.actions - sent.length} actions came back without benchSentAt`);
    if (refused > 0) throw new Error(`${refused} operator actions were refused`);
    return {
      kind: o.kind,
      viewers: o.viewers,
      connected: n,
      failed: connected.reduce((a, c) => a + c.failed, 0),
      rampPerSec: n / (rampMs / 1000),
      latency: mergeHistograms(reports.map((r) => r.histogram)),
      delivered: reports.reduce((a, r) => a + r.delivered, 0) / pairs,
      superseded: reports.reduce((a, r) => a + r.superseded, 0) / pairs,
      outOfOrder: reports.reduce((a, r) => a + r.stale, 0),
      serverCpuPct: (cpuMs / wallMs) * 100,
      clientCpuPct: Math.max(...reports.map((r) => r.cpuPct)),
      // With edges: the first edge's memory over the viewers it took.
      rssPerViewerKB: ((rssAfter - rssHalf) / nSecond / 1024) * Math.max(1, edges.length),
      heapPerViewerKB: ((after.heapUsed - half.heapUsed) / nSecond / 1024) * Math.max(1, edges.length),
      eldP99Ms: eld.eldP99Ms,
      eldMaxMs: eld.eldMaxMs,
      snapshotBytes: reports[0]?.snapshotBytes ?? 0,
      frameBytes: reports[0]?.frameBytes ?? 0,
      clockErrMs: { p50: percentile(clockErrs, 50), p95: percentile(clockErrs, 95), max: Math.max(...clockErrs), n: clockErrs.length },
      ackMs: { p50: percentile(acks, 50), p99: percentile(acks, 99) },
      loadavg: loadavg().map((x) => x.toFixed(2)).join(' '),
    };
  } finally {
    for (const g of gens) if (g.connected) g.send({ type: 'close' });
    await Promise.all(gens.map((g) => stop(g, 2000)));
    for (const e of edges) await stop(e.proc);
    await stop(server.proc);
    await redis?.stop();
  }
}
