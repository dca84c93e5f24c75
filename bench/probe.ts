import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ProbeStats } from './protocol.ts';
import { phaseProfiler } from './phase-profile.ts';

/**
 * Preloaded into a server process by the bench (`node --import ./bench/probe.ts`), so nothing of
 * the measurement lives in the server's own code: answers heap and event-loop delay over IPC.
 * Only the process started with BENCH_PROBE=1 answers; processes it forks do not inherit it.
 */
if (process.env.BENCH_PROBE === '1' && process.send) {
  delete process.env.BENCH_PROBE;
  const eld = monitorEventLoopDelay({ resolution: 5 });
  eld.enable();
  const prof = phaseProfiler('server');
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (m: unknown) => {
    const kind = (m as { probe?: string } | null)?.probe;
    if (kind === 'reset') {
      eld.reset();
      void prof.start().then(() => process.send?.({ probe: 'ok' }));
    } else if (kind === 'read') {
      const wantGc = (m as { gc?: boolean }).gc;
      if (wantGc && gc) gc();
      if (!wantGc) void prof.stop();
      const mem = process.memoryUsage();
      const stats: ProbeStats = { heapUsed: mem.heapUsed, heapTotal: mem.heapTotal, external: mem.external, rss: mem.rss, eldP99Ms: eld.percentile(99) / 1e6, eldMaxMs: eld.max / 1e6 };
      process.send?.({ probe: 'stats', stats });
    }
  });
}
