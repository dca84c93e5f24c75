import Database from 'better-sqlite3';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { replay } from '../../shared/engine/replay.ts';
import { resolvePlan } from '../../shared/engine/plan.ts';
import type { Command, LogEntry } from '../../shared/model/action.schema.ts';
import { actionsRepository } from '../../server/store/actions.repository.ts';
import { programmeRepository } from '../../server/store/programme.repository.ts';
import type { Snapshot } from '../../shared/protocol.ts';
import { loginToken, spawnServer } from '../support/server.ts';

export type CrashLoopResult = {
  rounds: number;
  acknowledged: number;
  /** Written but killed before the acknowledgement: present and whole in the log. */
  writtenUnacknowledged: number;
  faultKills: number;
  randomKills: number;
  failures: string[];
};

const ACTIONS: (() => Command)[] = [
  () => ({ type: 'next' }),
  () => ({ type: 'next' }),
  () => ({ type: 'pause' }),
  () => ({ type: 'resume' }),
  () => ({ type: 'add-time', ms: 60_000 }),
  () => ({ type: 'add-time', ms: -30_000 }),
  () => ({ type: 'previous' }),
  () => ({ type: 'message', text: 'Còn 2 phút' }),
  () => ({ type: 'end' }),
  () => ({ type: 'start' }),
  () => ({ type: 'reset-day' }),
];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

/**
 * Starts the real server, fires control actions at it and kills it (-9) at random moments; in every
 * third round the server kills itself right after a durable write, before acknowledging it. After
 * each death the store is checked: every acknowledged action is in the log exactly as sent, the
 * log has no holes, and replaying it gives exactly the stored state. The restarted server must
 * then resume at the logged version.
 */
export async function crashLoop(opts: {
  rounds: number;
  dataDir: string;
  bundle: string;
  deadlineMs: number;
  onProgress?: (r: CrashLoopResult) => void;
}): Promise<CrashLoopResult> {
  const result: CrashLoopResult = { rounds: 0, acknowledged: 0, writtenUnacknowledged: 0, faultKills: 0, randomKills: 0, failures: [] };
  const deadline = Date.now() + opts.deadlineMs;
  let token: string | null = null;
  let expectedVersion = 0;
  const acked = new Map<number, { command: Command; at: number }>();

  for (let round = 1; round <= opts.rounds && Date.now() < deadline; round++) {
    const fault = round % 3 === 0;
    const server = await spawnServer({
      dataDir: opts.dataDir,
      bundle: opts.bundle,
      env: fault ? { FAULT_KILL_AFTER_APPEND: '0.35' } : {},
    });
    const state = (await (await fetch(`${server.url}/api/v1/state`)).json()) as Snapshot;
    if (state.version !== expectedVersion) result.failures.push(`round ${round}: restarted at version ${state.version}, log says ${expectedVersion}`);
    token ??= await loginToken(server.url);

    const killAfter = 20 + Math.random() * 250;
    const started = Date.now();
    const killer = fault ? null : setTimeout(() => server.proc.kill('SIGKILL'), killAfter);
    let version = state.version;
    for (let i = 0; i < 200; i++) {
      if (server.proc.exitCode !== null || server.proc.signalCode !== null) break;
      const command = pick(ACTIONS)();
      const { type, ...args } = command;
      try {
        const r = await fetch(`${server.url}/api/v1/control/${type}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ ...args, expectedVersion: version }),
        });
        const body = (await r.json()) as Snapshot;
        if (r.status === 200) {
          version = body.version;
          // The acknowledgement's time is not echoed; the log's `at` is checked to be within the request.
          acked.set(version, { command, at: Date.now() });
          result.acknowledged++;
        }
      } catch {
        break; // the server died mid-request: that action was never acknowledged
      }
      if (!fault && Date.now() - started > killAfter + 500) break;
    }
    if (killer) clearTimeout(killer);
    if (server.proc.exitCode === null && server.proc.signalCode === null) await server.kill9();
    else await server.kill9().catch(() => undefined);
    if (fault) result.faultKills++;
    else result.randomKills++;

    const check = verifyStore(opts.dataDir, acked);
    result.failures.push(...check.failures.map((f) => `round ${round}: ${f}`));
    const ackedThisRound = [...acked.keys()].filter((v) => v > expectedVersion && v <= check.logLength).length;
    result.writtenUnacknowledged += check.logLength - expectedVersion - ackedThisRound;
    // Whatever was written counts as done: the next round starts from the log's version.
    for (const v of [...acked.keys()]) if (v > check.logLength) acked.delete(v);
    expectedVersion = check.logLength;
    result.rounds = round;
    if (round % 50 === 0) opts.onProgress?.(result);
  }
  return result;
}

function verifyStore(dataDir: string, acked: Map<number, { command: Command; at: number }>) {
  const failures: string[] = [];
  const db = new Database(join(dataDir, 'run-of-show.sqlite'));
  try {
    const stored = programmeRepository(db).load();
    const repo = actionsRepository(db);
    const log: LogEntry[] = repo.log('main');
    log.forEach((e, i) => {
      if (e.version !== i + 1) failures.push(`hole in the log at version ${i + 1}`);
    });
    for (const [v, a] of acked) {
      const e = log[v - 1];
      if (!e) failures.push(`acknowledged version ${v} is missing`);
      else if (!isDeepStrictEqual(e.command, a.command)) failures.push(`version ${v} differs from what was acknowledged`);
      else if (e.at > a.at) failures.push(`version ${v} was logged after it was acknowledged`);
    }
    const latest = repo.latestRuns().get('main');
    if (stored && log.length > 0 && !isDeepStrictEqual(replay(resolvePlan(stored.programme), 'main', log), latest?.run)) {
      failures.push('replaying the log does not give the stored state');
    }
    return { failures, logLength: log.length };
  } finally {
    db.close();
  }
}
