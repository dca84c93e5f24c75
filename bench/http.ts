import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { agendaScripts } from '../test/support/agenda-scripts.ts';
import { ROOT, spawnServer, stop } from './procs.ts';

export type HttpResult = { path: string; reqPerSec: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number };
export type HttpBench = { results: HttpResult[]; agendaJsGzipBytes: number | null; agendaJsFiles: number };

type CannonResult = { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number };

/** Loopback HTTP throughput of our server, no viewers connected, `connections` keep-alive clients for `seconds` each. */
export async function httpBench(seconds: number, connections: number, cpus: string | null): Promise<HttpBench> {
  const server = await spawnServer(
    'server/main.ts',
    { HOST: '127.0.0.1', PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'ros-bench-http-')), ADMIN_PASSWORD: 'bench-admin-password', DEMO_DATES: 'original' },
    cpus,
  );
  try {
    const results: HttpResult[] = [];
    for (const path of ['/api/v1/state', '/agenda']) {
      const r = (await autocannon({
        url: `http://127.0.0.1:${server.port}${path}`,
        connections,
        duration: seconds,
        // As a phone asks: compressed.
        headers: { 'accept-encoding': 'gzip' },
      })) as CannonResult;
      results.push({ path, reqPerSec: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    }
    const dist = join(ROOT, 'dist/client');
    const files = existsSync(join(dist, 'agenda.html')) ? agendaScripts(dist) : [];
    const gz = files.reduce((a, f) => a + gzipSync(readFileSync(f)).length, 0);
    return { results, agendaJsGzipBytes: files.length ? gz : null, agendaJsFiles: files.length };
  } finally {
    await stop(server.proc);
  }
}
