import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './wait.ts';

export const REDIS_SERVER = '/usr/bin/redis-server';

export type TestRedis = {
  url: string;
  port: number;
  /** Stops it (SIGTERM); `start` brings it back, empty, on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  pid(): number | undefined;
};

/**
 * Debian's redis-server on a free loopback port with a temp dir, no persistence; stopped by `stop`.
 * `wrap`: how to start it (the bench pins it and gives it the servers' priority).
 */
export async function startRedis(wrap: (cmd: string, args: string[]) => [string, string[]] = (c, a) => [c, a]): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ros-redis-'));
  let proc: ChildProcess | null = null;
  const start = async () => {
    const [cmd, args] = wrap(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes']);
    const p = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc = p;
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
      p.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      p.once('exit', () => reject(new Error(`redis-server exited:\n${out}`)));
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    pid: () => proc?.pid,
    stop: async () => {
      const p = proc;
      proc = null;
      if (!p || p.exitCode !== null) return;
      const gone = new Promise((r) => p.once('exit', r));
      p.kill('SIGTERM');
      await gone;
    },
  };
}
