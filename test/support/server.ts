import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
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
  opts: { programme?: Programme; now?: () => number; dbFile?: string; clientDir?: string; connectionsPerAddress?: number; publicUrl?: string } = {},
): Promise<TestServer> {
  const db = openDb(opts.dbFile ?? ':memory:');
  let url = '';
  const app = createApp({
    // Links point at this loopback server (a LAN address would not reach a server bound to 127.0.0.1).
    publicUrl: () => opts.publicUrl ?? url,
    db,
    // The document's own dates (July 2025) are all past, so a bare Start always opens day 1.
    seed: () => opts.programme ?? demoProgramme(null),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.clientDir ? { clientDir: opts.clientDir } : {}),
    ...(opts.connectionsPerAddress ? { connectionsPerAddress: opts.connectionsPerAddress } : {}),
  });
  await app.auth.ensureAdmin(ADMIN_PASSWORD);
  await new Promise<void>((r) => app.http.listen(0, '127.0.0.1', r));
  const { port } = app.http.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

export type TestServerOptions = Parameters<typeof startTestServer>[0];

/** What a test file sees of the server `useTestServer` runs for it. */
export type UsedServer = {
  readonly url: string;
  readonly app: App;
  /** An admin's bearer token, logged in when the server started. */
  readonly token: string;
  /** A JSON request as the consoles send it; with the admin token unless `token` says otherwise ('' for none). */
  api: (method: string, path: string, body?: unknown, token?: string) => Promise<Response>;
  /** A socket.io client (admin unless `token` says otherwise, '' for anonymous), disconnected after each test. */
  client: (token?: string, path?: string) => Promise<TestClient>;
};

/**
 * The one set-up of a server test: the whole app on a free loopback port, started before the
 * file's tests (or before each test with `{ each: true }`, for tests that need a fresh store or
 * clock), logged in as admin, its sockets closed after each test and the server after the last.
 */
export function useTestServer(opts: TestServerOptions | (() => TestServerOptions) = {}, scope: { each?: boolean } = {}): UsedServer {
  let server: TestServer | null = null;
  let token = '';
  let sockets: TestClient[] = [];
  const running = (): TestServer => {
    if (!server) throw new Error('the test server runs inside tests and hooks only');
    return server;
  };
  const start = async () => {
    server = await startTestServer(typeof opts === 'function' ? opts() : opts);
    token = await loginToken(server.url);
  };
  const stop = async () => {
    await server?.close();
    server = null;
  };
  (scope.each ? beforeEach : beforeAll)(start);
  // One hook, so the sockets close before the server does (hooks run in reverse order; a server
  // closed under clients that keep reconnecting waits for them).
  afterEach(async () => {
    for (const s of sockets) s.disconnect();
    sockets = [];
    if (scope.each) await stop();
  });
  if (!scope.each) afterAll(stop);
  return {
    get url() {
      return running().url;
    },
    get app() {
      return running().app;
    },
    get token() {
      running();
      return token;
    },
    api: (method, path, body, as = token) =>
      fetch(`${running().url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${as}` } : {}) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    client: async (as = token, path) => {
      const s = await socketClient(running().url, as || undefined, path);
      sockets.push(s);
      return s;
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
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
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
    proc.stdout.on('data', check);
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
