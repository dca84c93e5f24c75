import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import { io, type Socket } from 'socket.io-client';
import { estimateOffset, type ClockSample } from '../client/net/clock.ts';
import { PROTOCOL_VERSION, type Ack, type ClientToServerEvents, type RunState, type ServerToClientEvents } from '../shared/protocol.ts';
import { phaseProfiler } from './phase-profile.ts';
import { monoMs, type FromViewers, type ToViewers } from './protocol.ts';

/**
 * One load-generator process: `count` real socket.io clients, each a public viewer of the first
 * stage on the audience endpoint (`/live`) and the `run` feed, as the phones' agenda watches it. Each records when every snapshot reached its handler; the latency of an action for a
 * viewer is from the server receiving it (`benchSentAt`) to the first snapshot at least that new
 * (a newer snapshot carries the older action too, so one that replaced it in flight counts).
 */
type Viewer = Socket<ServerToClientEvents, ClientToServerEvents>;

const send = (m: FromViewers) => process.send?.(m);
const sockets: Viewer[] = [];
/** Per viewer: versions received and when (CLOCK_MONOTONIC ms), in arrival order. */
const arrivals: { versions: number[]; at: number[] }[] = [];
const prof = phaseProfiler('viewers');
let stale = 0;
let snapshotBytes = 0;
let frameBytes = 0;
let cpuFrom = process.cpuUsage();
let wallFrom = performance.now();

function open(url: string, deadline: number): Promise<Viewer | null> {
  return new Promise((resolve) => {
    const s: Viewer = io(url, { path: '/live', transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION }, reconnection: false, forceNew: true, timeout: 20_000 });
    const log = { versions: [] as number[], at: [] as number[] };
    const give = (v: Viewer | null) => {
      clearTimeout(timer);
      if (v) arrivals.push(log);
      else s.close();
      resolve(v);
    };
    const timer = setTimeout(() => give(null), Math.max(1, deadline - Date.now()));
    s.once('connect_error', () => give(null));
    s.once('connect', () => {
      // As the phones' agenda and our screens watch: the run state alone.
      s.emit('stage:watch', { feed: 'run' }, (r: Ack<RunState>) => give(r.ok ? s : null));
    });
    s.on('run', (snap) => {
      const at = monoMs();
      if (snap.version <= (log.versions.at(-1) ?? -1)) stale++;
      log.versions.push(snap.version);
      log.at.push(at);
    });
  });
}

async function connectAll(url: string, count: number, concurrency: number, deadlineMs: number) {
  const started = monoMs();
  const deadline = Date.now() + deadlineMs;
  const had = sockets.length;
  let next = 0;
  let failed = 0;
  const lane = async () => {
    while (next < count && Date.now() < deadline) {
      next++;
      const s = await open(url, deadline);
      if (s) sockets.push(s);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  // One socket's raw frame, to report bytes per snapshot as they cross the wire.
  if (had === 0) sockets[0]?.io.engine.on('packet', (p: { type: string; data?: unknown }) => {
    if (p.type === 'message' && typeof p.data === 'string' && /^2\["run",/.test(p.data)) {
      // As production sends it: without the bench's own timestamp.
      const frame = p.data.replace(/,"benchSentAt":[-+.\deE]+/, '');
      frameBytes = Buffer.byteLength(frame);
      snapshotBytes = Buffer.byteLength(frame.slice(frame.indexOf('{'), frame.lastIndexOf('}') + 1));
    }
  });
  send({ type: 'connected', connected: sockets.length - had, failed: failed + (count - next), ms: monoMs() - started });
}

/** The same burst a real screen runs on connect (client/net/connection.ts), with the same estimator. */
async function clockErrors(n: number, pings: number, gapMs: number): Promise<number[]> {
  const chosen = sockets.filter((_, i) => i % Math.max(1, Math.floor(sockets.length / n)) === 0).slice(0, n);
  const one = (s: Viewer) =>
    new Promise<number | null>((resolve) => {
      const samples: ClockSample[] = [];
      let pending = pings;
      const done = () => {
        if (--pending > 0) return;
        // Same host, same wall clock: the true offset is exactly zero.
        const est = estimateOffset(samples);
        resolve(est ? Math.abs(est.offsetMs) : null);
      };
      for (let i = 0; i < pings; i++) {
        setTimeout(() => {
          const t0 = Date.now();
          s.timeout(5000).emit('clock:ping', { t0 }, (err: Error | null, r: Ack<{ t0: number; serverTime: number }>) => {
            if (!err && r.ok) samples.push({ t0: r.data.t0, server: r.data.serverTime, t1: Date.now() });
            done();
          });
        }, i * gapMs);
      }
    });
  const all = await Promise.all(chosen.map(one));
  return all.filter((x): x is number => x !== null);
}

function latencies(sent: [number, number][]) {
  const h = build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  let delivered = 0;
  let superseded = 0;
  for (const a of arrivals) {
    for (const [version, sentAt] of sent) {
      const i = a.versions.findIndex((v) => v >= version);
      if (i < 0) continue;
      delivered++;
      if (a.versions[i] !== version) superseded++;
      h.recordValue(Math.max(1, Math.round((a.at[i]! - sentAt) * 1000)));
    }
  }
  if (process.env.BENCH_DEBUG_ACTIONS) {
    for (const [version, sentAt] of sent) {
      const l = arrivals.map((a) => { const i = a.versions.findIndex((v) => v >= version); return i < 0 ? NaN : a.at[i]! - sentAt; }).sort((x, y) => x - y);
      console.log(`action v${version}: min ${l[0]?.toFixed(1)} p50 ${l[Math.floor(l.length / 2)]?.toFixed(1)} p99 ${l[Math.floor(l.length * 0.99)]?.toFixed(1)} max ${l.at(-1)?.toFixed(1)}`);
    }
  }
  return { histogram: encodeIntoCompressedBase64(h), pairs: arrivals.length * sent.length, delivered, superseded };
}

process.on('message', (m: ToViewers) => {
  void (async () => {
    try {
      if (m.type === 'connect') await connectAll(m.url, m.count, m.concurrency, m.deadlineMs);
      else if (m.type === 'clock') send({ type: 'clock', errorsMs: await clockErrors(m.sockets, m.pings, m.gapMs) });
      else if (m.type === 'await') {
        const missing = () => arrivals.filter((a) => (a.versions.at(-1) ?? -1) < m.version).length;
        const until = Date.now() + m.timeoutMs;
        while (missing() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        send({ type: 'awaited', missing: missing() });
      } else if (m.type === 'reset') {
        for (const a of arrivals) {
          a.versions.length = 0;
          a.at.length = 0;
        }
        cpuFrom = process.cpuUsage();
        wallFrom = performance.now();
        stale = 0;
        await prof.start();
        send({ type: 'reset-done' });
      } else if (m.type === 'report') {
        await prof.stop();
        const cpu = process.cpuUsage(cpuFrom);
        const cpuPct = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallFrom)) * 100;
        send({ type: 'report', ...latencies(m.sent), stale, snapshotBytes, frameBytes, cpuPct });
      } else if (m.type === 'close') {
        for (const s of sockets) s.close();
        setTimeout(() => process.exit(0), 200);
      }
    } catch (e) {
      send({ type: 'error', message: String(e) });
    }
  })();
});
// A lost orchestrator must not leave thousands of sockets open.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
