import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { createApp, type App } from '../../server/app.ts';
import { demoProgramme } from '../../server/demo/demo-programme.ts';
import { openDb } from '../../server/store/db.ts';
import type { Programme } from '../../shared/model/programme.schema.ts';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ADMIN_PASSWORD = 'test-admin-password';

export type TestServer = { url: string; app: App; close: () => Promise<void> };

/** The whole app in this process on a free loopback port, with an in-memory or temp-file store. */
export async function startTestServer(
  opts: { programme?: Programme; now?: () => number; dbFile?: string; clientDir?: string } = {},
): Promise<TestServer> {
  const db = openDb(opts.dbFile ?? ':memory:');
  const app = createApp({
    db,
    // The document's own dates (July 2025) are all past, so a bare Start always opens day 1.
    seed: () => opts.programme ?? demoProgramme(null),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.clientDir ? { clientDir: opts.clientDir } : {}),
  });
  await app.auth.ensureAdmin(ADMIN_PASSWORD);
  await new Promise<void>((r) => app.http.listen(0, '127.0.0.1', r));
  const { port } = app.http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

export async function loginToken(url: string, password = ADMIN_PASSWORD): Promise<string> {
  const r = await fetch(`${url}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password }),
  });
  if (!r.ok) throw new Error(`login failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export function socketClient(url: string, token?: string, path?: string): Promise<TestClient> {
  const s: TestClient = io(url, {
    ...(path ? { path } : {}),
    transports: ['websocket'],
    auth: { protocol: PROTOCOL_VERSION, ...(token ? { token } : {}) },
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('socket connect timeout')), 5000);
    s.once('connect', () => {
      clearTimeout(t);
      resolve(s);
    });
  });
}

export type ServerProcess = {
  url: string;
  port: number;
  proc: ChildProcess;
  output: () => string;
  kill9: () => Promise<void>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/** The real entry point (`server/main.ts`) as its own process, for crash and restart tests. */
export async function spawnServer(
  opts: { dataDir?: string; port?: number; env?: Record<string, string>; bundle?: string } = {},
): Promise<ServerProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'ros-'));
  const args = opts.bundle ? [opts.bundle] : ['--import', 'tsx', join(ROOT, 'server/main.ts')];
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(opts.port ?? 0),
      DATA_DIR: dataDir,
      ADMIN_PASSWORD,
      DEMO_DATES: 'original',
      CLIENT_DIR: join(ROOT, 'dist/client'),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', () => reject(new Error(`server exited:\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    proc,
    output: () => out,
    kill9: async () => {
      proc.kill('SIGKILL');
      await exited;
    },
    stop: async (signal = 'SIGTERM') => {
      proc.kill(signal);
      return exited;
    },
  };
}
