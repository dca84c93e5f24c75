import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProbeStats } from './protocol.ts';

export const ROOT = resolve(import.meta.dirname, '..');
const TICK_MS = 10; // USER_HZ is 100 on Linux
const PAGE = 4096;

const children = new Set<ChildProcess>();

/**
 * `taskset -c <cpus>` in front of a command where taskset exists, and a raised priority where the
 * bench may set one (root): other work on a shared machine then delays the measurement less.
 * Without either tool the command runs as it is.
 */
export function pinned(cpus: string | null, cmd: string, args: string[]): [string, string[]] {
  const [c, a] = cpus !== null && existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', ['-c', cpus, cmd, ...args]] : [cmd, args];
  return NICE !== 0 && existsSync('/usr/bin/nice') ? ['/usr/bin/nice', ['-n', String(NICE), c, ...a]] : [c, a];
}
const NICE = process.getuid?.() === 0 ? Number(process.env.BENCH_NICE ?? -10) : 0;

export type Spawned = { proc: ChildProcess; pid: number; port: number; output: () => string };

/** A server (ours via server/main.ts, or the baseline) with the probe preloaded; resolves on `READY <port>`. */
export async function spawnServer(entry: string, env: Record<string, string>, cpus: string | null, timeoutMs = 30_000): Promise<Spawned> {
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of every server, written when it exits.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const nodeArgs = ['--expose-gc', ...prof, '--import', 'tsx', '--import', join(ROOT, 'bench/probe.ts'), join(ROOT, entry)];
  const [cmd, args] = pinned(cpus, process.execPath, nodeArgs);
  const proc = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, MAX_CONNECTIONS_PER_ADDRESS: '100000', ...env, BENCH_PROBE: '1' }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${entry} did not start:\n${out}`)), timeoutMs);
    proc.stdout!.on('data', () => {
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`${entry} exited with ${code}:\n${out}`));
    });
  });
  return { proc, pid: proc.pid!, port, output: () => out };
}

/** A TypeScript child with an IPC channel (load generators). */
export function forkTs(file: string, cpus: string | null, env: Record<string, string> = {}): ChildProcess {
  const [cmd, args] = pinned(cpus, process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', join(ROOT, file)]);
  const proc = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  return proc;
}

export function probe(proc: ChildProcess, gc: boolean): Promise<ProbeStats> {
  return request(proc, { probe: 'read', gc }, (m) => (m as { probe?: string }).probe === 'stats').then((m) => (m as { stats: ProbeStats }).stats);
}

export function probeReset(proc: ChildProcess): Promise<unknown> {
  return request(proc, { probe: 'reset' }, (m) => (m as { probe?: string }).probe === 'ok');
}

export function request(proc: ChildProcess, msg: object, match: (m: unknown) => boolean, timeoutMs = 60_000): Promise<unknown> {
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      proc.off('message', on);
      rej(new Error(`no answer to ${JSON.stringify(msg).slice(0, 80)}`));
    }, timeoutMs);
    const on = (m: unknown) => {
      if (!match(m)) return;
      clearTimeout(timer);
      proc.off('message', on);
      res(m);
    };
    proc.on('message', on);
    proc.send(msg);
  });
}

/** A process and all its descendants (a server's fan-out workers count towards its CPU and memory). */
export function tree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [p, pp] of parent) if (pp === out[i]) out.push(p);
  return out;
}

/** CPU time (user + system, ms) and resident memory (bytes) of a process tree, from /proc. */
export function usage(pid: number): { cpuMs: number; rss: number } {
  let cpuMs = 0;
  let rss = 0;
  for (const p of tree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuMs += (Number(f[11]) + Number(f[12])) * TICK_MS;
      rss += Number(f[21]) * PAGE;
    } catch {
      // gone meanwhile
    }
  }
  return { cpuMs, rss };
}

export async function stop(proc: ChildProcess, ms = 3000): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill('SIGTERM');
  const t = setTimeout(() => proc.kill('SIGKILL'), ms);
  await exited;
  clearTimeout(t);
}

/** Every process this bench started, on any way out (also after a failure). */
export function killAll(): void {
  for (const c of children) {
    try {
      // The pid is taskset's until it execs node, then node's: the same process either way.
      c.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}
