import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { demoProgramme } from './demo/demo-programme.ts';
import { VIEW_ROUTES } from './http/static.routes.ts';
import { checkPublicUrl, publicUrl } from './http/public-url.ts';
import { openDb, StoreUnusable, type Db } from './store/db.ts';
import { BACKUP_EVERY_MS, scheduleBackups } from './store/backup.ts';
import { edgeFeed } from './edge/publish.ts';
import { redacted } from './edge/redis-link.ts';
import { LIVE_PATH } from './live/live.endpoint.ts';

/** The server as `npm start` runs it: store, HTTP, sockets; with REDIS_URL, the primary that feeds the edges. */
export async function startPrimary(): Promise<void> {
  // Runs from server/main.ts (tsx) and from dist/server/main.js (npm start): find the project by its package.json.
  const root = projectRoot(dirname(fileURLToPath(import.meta.url)));
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));

  const badUrl = checkPublicUrl(process.env.PUBLIC_URL);
  if (badUrl) {
    console.error(`run-of-show cannot start: ${badUrl}`);
    process.exit(1);
  }
  // The port is known once listening (PORT=0 picks one); links are made per request after that.
  let listeningPort = port;
  const base = () => publicUrl(process.env.PUBLIC_URL, listeningPort);

  const db = openStoreOrExit(join(dataDir, 'run-of-show.sqlite'));
  const redisUrl = process.env.REDIS_URL?.trim() || null;
  const app = createApp({
    db,
    seed: () => demoProgramme(process.env.DEMO_DATES === 'original' ? null : Date.now()),
    clientDir: process.env.CLIENT_DIR ?? join(root, 'dist/client'),
    publicUrl: base,
    allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    ...(process.env.MAX_CONNECTIONS_PER_ADDRESS ? { connectionsPerAddress: Number(process.env.MAX_CONNECTIONS_PER_ADDRESS) } : {}),
    ...faultInjection(),
    ...(redisUrl ? { edges: await edgeFeed(redisUrl) } : {}),
    // `npm run bench` only: CLOCK_MONOTONIC in ms, shared with the load generator's processes.
    ...(process.env.BENCH_TIMESTAMPS === '1' ? { benchClock: () => Number(process.hrtime.bigint()) / 1e6 } : {}),
  });
  const store = app.health.get();
  if (!store.ok) {
    console.error(
      `run-of-show: ${store.problem} (${join(dataDir, 'run-of-show.sqlite')}): the programme is shown but no control will be saved; /healthz reports it and the consoles show a banner. Make the file writable, or restore a backup elsewhere (docs/RELIABILITY.md).`,
    );
  }
  const generated = store.ok ? await app.auth.ensureAdmin(process.env.ADMIN_PASSWORD) : null;
  const backups = scheduleBackups(db, join(dataDir, 'backups'), backupInterval(process.env.BACKUP_EVERY_SEC));

  const listener = app.http;
  listener.once('error', (e: NodeJS.ErrnoException) => {
    const why = e.code === 'EADDRINUSE' ? `port ${port} is already in use (another run-of-show?); set PORT to use another` : e.message;
    console.error(`run-of-show could not listen on ${host}:${port}: ${why}`);
    db.close();
    process.exit(1);
  });
  listener.listen(port, host, () => {
    const addr = listener.address();
    listeningPort = typeof addr === 'object' && addr ? addr.port : port;
    // The address devices on the venue Wi-Fi open: the one on every link and QR code.
    const url = base();
    const lines = [
      `run-of-show listening on ${host}:${listeningPort} (data in ${dataDir})`,
      `  ${url}/   (open this on any device of the venue network; QR codes there)`,
      'Views:',
      ...VIEW_ROUTES.map((v) => `  ${url}${v}`),
      `API: ${url}/api/v1/state`,
      ...(redisUrl ? [`Audience (${LIVE_PATH}, /agenda) fed to the edges through Redis at ${redacted(redisUrl)} (docs/deploy.md)`] : []),
      generated
        ? `Admin password (generated on first start, shown once): ${generated}`
        : process.env.ADMIN_PASSWORD
          ? 'Admin password: as set in ADMIN_PASSWORD'
          : 'Admin password: unchanged since it was first printed (set ADMIN_PASSWORD to replace it)',
    ];
    console.log(lines.join('\n'));
    // A line the test harness waits for; keep it stable.
    console.log(`READY ${listeningPort}`);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    backups.stop();
    // Every action is already committed; closing just checkpoints the WAL.
    app.http.closeAllConnections?.();
    void app.close().finally(() => {
      db.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** The store file, or one clear line and exit 1 when it exists but is empty or damaged: never a silent fresh start. */
function openStoreOrExit(file: string): Db {
  try {
    return openDb(file);
  } catch (e) {
    if (!(e instanceof StoreUnusable)) throw e;
    console.error(`run-of-show cannot start: ${e.message}`);
    process.exit(1);
  }
}

/** BACKUP_EVERY_SEC: seconds between backups of a changing store (default 300). */
function backupInterval(value: string | undefined): number {
  const n = Number(value ?? '');
  return value && Number.isFinite(n) && n >= 1 ? n * 1000 : BACKUP_EVERY_MS;
}

/** Crash tests only: FAULT_KILL_AFTER_APPEND=0.3 kills the process after 30 % of durable writes, before the acknowledgement. */
function faultInjection(): { afterAppend?: () => void } {
  const p = Number(process.env.FAULT_KILL_AFTER_APPEND ?? 0);
  if (!(p > 0)) return {};
  console.warn(`FAULT INJECTION: killing the process after ${p * 100}% of writes`);
  return { afterAppend: () => (Math.random() < p ? process.kill(process.pid, 'SIGKILL') : undefined) };
}

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}
