import type { ControlCost } from './control-cost.ts';
import type { HttpBench } from './http.ts';
import type { ScenarioResult, ServerKind } from './scenario.ts';
import { median } from './stats.ts';
import type { PayloadSizes } from './template.ts';

export type BenchResults = {
  date: string;
  machine: string;
  command: string;
  runs: number;
  actions: number;
  actionsPerSec: number;
  pinning: string;
  scenarios: ScenarioResult[];
  http: HttpBench | null;
  controlCost: ControlCost | null;
  payloadSizes: PayloadSizes;
  durationSec: number;
};

type Figure = { label: string; get: (r: ScenarioResult) => number; digits: number; target?: (n: number) => string };

const FIGURES: Figure[] = [
  { label: 'action → viewer p50 (ms)', get: (r) => r.latency.p50, digits: 1 },
  { label: 'action → viewer p95 (ms)', get: (r) => r.latency.p95, digits: 1 },
  { label: 'action → viewer p99 (ms)', get: (r) => r.latency.p99, digits: 1, target: (n) => (n <= 1000 ? '≤ 40' : n <= 5000 ? '≤ 100' : '≤ 150') },
  { label: 'action → viewer max (ms)', get: (r) => r.latency.max, digits: 1 },
  { label: 'viewers × actions delivered (%)', get: (r) => r.delivered * 100, digits: 2, target: () => '100' },
  { label: '… of which as a newer snapshot (%)', get: (r) => r.superseded * 100, digits: 1 },
  { label: 'server CPU during actions (% of one core)', get: (r) => r.serverCpuPct, digits: 0 },
  { label: 'busiest load generator CPU (% of one core)', get: (r) => r.clientCpuPct, digits: 0 },
  { label: 'event-loop delay p99 (ms, main process)', get: (r) => r.eldP99Ms, digits: 1, target: (n) => (n === 5000 ? '≤ 20' : '') },
  { label: 'RSS per idle viewer (KB)', get: (r) => r.rssPerViewerKB, digits: 1, target: () => '≤ 20' },
  { label: 'heap per idle viewer (KB, main process)', get: (r) => r.heapPerViewerKB, digits: 1 },
  { label: 'connection ramp (viewers/s)', get: (r) => r.rampPerSec, digits: 0 },
  { label: 'clock offset error p95 (ms)', get: (r) => r.clockErrMs.p95, digits: 1, target: () => '≤ 2' },
  { label: 'clock offset error max (ms)', get: (r) => r.clockErrMs.max, digits: 1 },
  { label: 'state JSON per action, as production sends it (bytes)', get: (r) => r.snapshotBytes, digits: 0, target: () => '≤ 4096' },
  { label: 'state frame on the wire (bytes)', get: (r) => r.frameBytes, digits: 0 },
  { label: 'operator ack p50 (ms)', get: (r) => r.ackMs.p50, digits: 1 },
  { label: 'operator ack p99 (ms)', get: (r) => r.ackMs.p99, digits: 1 },
];

const fmt = (v: number, d: number) => (Number.isFinite(v) ? v.toFixed(d) : '—');

/** The medians of the runs, ours beside the baseline of the same runs, as Markdown. */
export function resultsMarkdown(b: BenchResults): string {
  const sizes = [...new Set(b.scenarios.map((s) => s.viewers))].sort((x, y) => x - y);
  const kinds = [...new Set(b.scenarios.map((s) => s.kind))].filter((k) => k !== 'baseline');
  const pick = (kind: ServerKind, n: number) => b.scenarios.filter((s) => s.kind === kind && s.viewers === n);
  const out: string[] = [
    `Measured ${b.date} on ${b.machine}; \`${b.command}\`; median of ${b.runs} run(s) of each scenario, ${b.actions} actions at ${b.actionsPerSec}/s per run; ${b.pinning}. Whole bench: ${b.durationSec.toFixed(0)} s.`,
    '',
  ];
  for (const n of sizes) {
    const base = pick('baseline', n);
    out.push(`#### ${n.toLocaleString('en')} viewers`, '');
    out.push(`| figure | target | ${kinds.map((k) => `${k} | ${k} / baseline`).join(' | ')} | bare socket.io |`);
    out.push(`| --- | --- | ${kinds.map(() => '---: | ---:').join(' | ')} | ---: |`);
    for (const f of FIGURES) {
      const bm = median(base.map(f.get));
      const cols = kinds.map((k) => {
        const m = median(pick(k, n).map(f.get));
        return `${fmt(m, f.digits)} | ${bm > 0 && Number.isFinite(m) ? (m / bm).toFixed(2) : '—'}`;
      });
      out.push(`| ${f.label} | ${f.target?.(n) ?? ''} | ${cols.join(' | ')} | ${fmt(bm, f.digits)} |`);
    }
    const loads = b.scenarios.filter((s) => s.viewers === n).map((s) => `${s.kind}: ${s.loadavg.split(' ')[0]}`);
    out.push('', `Load average (1 min) at the end of each run: ${loads.join(', ')}.`, '');
  }
  const z = b.payloadSizes;
  out.push(
    '#### What one action sends to each viewer',
    '',
    '| payload (JSON bytes) | after Start | at the end of the day (all 12 segments ran) |',
    '| --- | ---: | ---: |',
    `| run state (\`run\` feed: phones, our screens, the viewers above) | ${z.runStart} | ${z.runEndOfDay} |`,
    `| full snapshot (default feed, \`GET /api/v1/state\`) | ${z.snapshotStart} | ${z.snapshotEndOfDay} |`,
    '',
  );
  if (b.controlCost) {
    const c = b.controlCost;
    out.push(
      '#### One control action on the server',
      '',
      `In process, file store, no viewers, ${c.n} actions: whole action (check, fold, append with fsync, derive, hand to broadcaster) p50 ${fmt(c.totalMs.p50, 2)} ms, p99 ${fmt(c.totalMs.p99, 2)} ms; the fsync'd append alone p50 ${fmt(c.persistMs.p50, 2)} ms, p99 ${fmt(c.persistMs.p99, 2)} ms.`,
      '',
    );
  }
  if (b.http) {
    out.push('#### HTTP on loopback (autocannon, no viewers connected)', '', '| path | requests/s | p50 (ms) | p99 (ms) | errors | non-2xx |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of b.http.results) out.push(`| \`${r.path}\` | ${fmt(r.reqPerSec, 0)} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} | ${r.non2xx} |`);
    out.push(
      '',
      b.http.agendaJsGzipBytes === null
        ? 'Agenda bundle: not measured (no `dist/client/agenda.html`; run `npx vite build` first).'
        : `Agenda bundle: ${b.http.agendaJsFiles} JavaScript file(s), ${fmt(b.http.agendaJsGzipBytes / 1024, 1)} KB gzip in all.`,
      '',
    );
  }
  return out.join('\n');
}

export const START = '<!-- bench:results:start (written by `npm run bench`) -->';
export const END = '<!-- bench:results:end -->';

/** Replaces only the generated block, so the prose around it (and others' sections) stays. */
export function spliceResults(doc: string, block: string): string {
  const i = doc.indexOf(START);
  const j = doc.indexOf(END);
  if (i < 0 || j < i) return `${doc.trimEnd()}\n\n## Latest results\n\n${START}\n${block}\n${END}\n`;
  return `${doc.slice(0, i + START.length)}\n${block}\n${doc.slice(j)}`;
}
