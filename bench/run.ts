import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { controlCost, type ControlCost } from './control-cost.ts';
import { httpBench, type HttpBench } from './http.ts';
import { killAll, ROOT } from './procs.ts';
import { resultsMarkdown, spliceResults, type BenchResults } from './report.ts';
import { runScenario, type ScenarioResult, type ServerKind } from './scenario.ts';
import { recordTemplate } from './template.ts';

/**
 * `npm run bench`: our server (the real entry, as its own process) and a bare socket.io server,
 * side by side in the same run, for each audience size; medians of the runs into docs/BENCHMARKS.md.
 */
const { values: a } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    runs: { type: 'string', default: '3' },
    actions: { type: 'string', default: '10' },
    rate: { type: 'string', default: '2' },
    kinds: { type: 'string', default: 'baseline,ours,edges' },
    'budget-sec': { type: 'string', default: '540' },
    'no-http': { type: 'boolean', default: false },
    'no-doc': { type: 'boolean', default: false },
    /** Also write the results as JSON here (a run that does not replace the doc's table). */
    out: { type: 'string' },
  },
});
const sizes = a.sizes.split(',').map(Number);
const runs = Number(a.runs);
const kinds = a.kinds.split(',') as ServerKind[];
const pin = process.env.BENCH_PIN !== '0' && cpus().length >= 2;
const started = Date.now();
const deadline = started + Number(a['budget-sec']) * 1000;

const nofile = /Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
if (nofile && Number(nofile) < Math.max(...sizes) + 1000) {
  console.error(`ulimit -n is ${nofile}: too low for ${Math.max(...sizes)} sockets in one server; run through \`npm run bench\`, which raises it`);
  process.exit(1);
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => (killAll(), process.exit(130)));

const template = recordTemplate();
const scenarios: ScenarioResult[] = [];
let controlResult: ControlCost | null = null;
let http: HttpBench | null = null;
try {
  outer: for (let r = 1; r <= runs; r++) {
    for (const viewers of sizes) {
      for (const kind of kinds) {
        if (Date.now() > deadline) {
          console.error('bench: time budget spent; writing what was measured');
          break outer;
        }
        const res = await runScenario({
          kind,
          viewers,
          actions: Number(a.actions),
          actionsPerSec: Number(a.rate),
          perProcess: 5000,
          clockSockets: 50,
          // Every server process (with edges: the primary, the edges and Redis) shares core 0.
          serverCpus: pin ? '0' : null,
          clientCpus: pin ? '1' : null,
          template,
        });
        scenarios.push(res);
        console.log(
          `run ${r} ${kind.padEnd(11)} ${String(viewers).padStart(6)} viewers: p50 ${res.latency.p50.toFixed(1)} p99 ${res.latency.p99.toFixed(1)} ms, ` +
            `delivered ${(res.delivered * 100).toFixed(1)}% (newer ${(res.superseded * 100).toFixed(1)}%), cpu ${res.serverCpuPct.toFixed(0)}% (clients ${res.clientCpuPct.toFixed(0)}%), eld p99 ${res.eldP99Ms.toFixed(1)} ms, ` +
            `rss/viewer ${res.rssPerViewerKB.toFixed(1)} KB, clock p95 ${res.clockErrMs.p95} ms, ramp ${res.rampPerSec.toFixed(0)}/s, load ${res.loadavg}`,
        );
      }
    }
  }
  controlResult = controlCost();
  console.log('control action cost', JSON.stringify(controlResult));
  if (!a['no-http'] && Date.now() < deadline + 30_000) {
    http = await httpBench(5, 10, pin ? '0' : null);
    console.log('http', JSON.stringify(http));
  }
} finally {
  killAll();
}

const cpu = cpus();
const results: BenchResults = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.versions.node}`,
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
  runs,
  actions: Number(a.actions),
  actionsPerSec: Number(a.rate),
  pinning: pin ? 'server processes on core 0 (with edges: the primary, the edges and redis-server together), load generators on core 1 (taskset)' : 'no pinning',
  scenarios,
  http,
  controlCost: controlResult,
  payloadSizes: template.sizes,
  durationSec: (Date.now() - started) / 1000,
};
if (a.out) writeFileSync(a.out, JSON.stringify(results, null, 2));
const md = resultsMarkdown(results);
console.log(`\n${md}`);
// The doc and the JSON beside it always describe the same run; a quick look writes neither.
if (!a['no-doc']) {
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.json'), JSON.stringify(results, null, 2));
  const docPath = join(ROOT, 'docs/BENCHMARKS.md');
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
  writeFileSync(docPath, spliceResults(doc, md));
  console.log(`\nwritten: docs/BENCHMARKS.md, bench/results/latest.json (${results.durationSec.toFixed(0)} s)`);
}
process.exit(0);
