import { fork, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import type { ProgrammePayload, Snapshot } from '../../shared/protocol.ts';
import { publicProgramme } from '../show/public-programme.ts';
import type { ShowService } from '../show/show.service.ts';
import { WORKER_ROLE, type FromWorker, type ToWorker } from './messages.ts';

export type FanoutPool = {
  /** Hands an audience connection to the next serving worker; false when none can take it. */
  handOver(socket: Socket, head: Buffer): boolean;
  close(): void;
};

const RESTART_DELAY_MS = 1000;
/** Workers that keep dying are not restarted for ever: past this many exits a minute, the audience stays here. */
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * Fan-out worker processes, each a copy of this program started with the worker role. Each gets the
 * public programme and every stage's snapshot when it starts, then every change in order; a worker
 * that exits is started again and its phones reconnect meanwhile.
 */
export function fanoutPool(count: number, show: ShowService): FanoutPool {
  /** `handed`: connections sent to the worker that it has not confirmed yet. */
  type Worker = { proc: ChildProcess; serving: boolean; handed: Map<number, Socket> };
  const workers: Worker[] = [];
  let handedOver = 0;
  const restarts: number[] = [];
  let closing = false;
  let turn = 0;

  const post = (m: ToWorker) => {
    for (const w of workers) if (w.serving && w.proc.connected) w.proc.send(m);
  };
  const start = () => {
    // Workers run the same entry file as this process; it always has one when started by node.
    const script = process.argv[1];
    if (!script) throw new Error('fan-out workers need the server started from a script file');
    const proc = fork(script, process.argv.slice(2), {
      env: { ...process.env, ROS_ROLE: WORKER_ROLE },
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const w: Worker = { proc, serving: false, handed: new Map() };
    workers.push(w);
    proc.on('message', (m: FromWorker) => {
      // Everything from here on follows the init on the same ordered channel.
      if (m.t === 'ready') {
        const snapshots = show.stageIds().map((id) => show.snapshot(id));
        proc.send({ t: 'init', programme: publicProgramme(show.programmePayload()), snapshots } satisfies ToWorker);
        w.serving = true;
        console.log(`fan-out worker ${proc.pid} serving`);
      } else if (m.t === 'took') w.handed.delete(m.id);
    });
    // Node passes one handle at a time and queues the rest until the worker acknowledges; a worker
    // that dies leaves those queued here, open and unread. Closing them makes the phones retry now
    // rather than after their connect timeout.
    proc.on('disconnect', () => {
      w.serving = false;
      for (const s of w.handed.values()) s.destroy();
      w.handed.clear();
    });
    proc.on('error', () => undefined); // reported by 'exit'
    proc.on('exit', (code, signal) => {
      workers.splice(workers.indexOf(w), 1);
      if (closing) return;
      const now = Date.now();
      restarts.push(now);
      while ((restarts[0] ?? now) < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        console.error(`fan-out worker exited (${signal ?? code}) ${restarts.length} times in a minute; not restarting it, its viewers are served here`);
        return;
      }
      console.warn(`fan-out worker exited (${signal ?? code}); restarting it`);
      setTimeout(() => !closing && start(), RESTART_DELAY_MS).unref();
    });
  };
  for (let i = 0; i < count; i++) start();

  show.subscribe({
    stageChanged: (_stageId, snapshot: Snapshot) => post({ t: 'state', snapshot }),
    programmeChanged: (payload: ProgrammePayload) => post({ t: 'programme', programme: publicProgramme(payload) }),
  });

  return {
    handOver(socket, head) {
      const ready = workers.filter((w) => w.serving && w.proc.connected);
      if (ready.length === 0) return false;
      const w = ready[turn++ % ready.length];
      if (!w) return false;
      const id = ++handedOver;
      w.handed.set(id, socket);
      // keepOpen false: the handle moves to the worker and is closed here once it has it.
      w.proc.send({ t: 'conn', id, head: head.toString('latin1') } satisfies ToWorker, socket, (err) => {
        if (!err) return;
        w.handed.delete(id);
        socket.destroy();
      });
      return true;
    },
    close() {
      closing = true;
      for (const w of workers) w.proc.kill('SIGTERM');
    },
  };
}
