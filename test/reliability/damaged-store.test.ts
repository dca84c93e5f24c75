import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/protocol.ts';
import { listBackups } from '../../server/store/backup.ts';
import { serverBundle } from '../support/bundle.ts';
import { ADMIN_PASSWORD, loginToken, ROOT, spawnServer, type ServerProcess } from '../support/server.ts';

const STORE = 'run-of-show.sqlite';
let procs: ServerProcess[] = [];
const immutable: string[] = [];
afterEach(async () => {
  for (const p of procs) if (p.proc.exitCode === null) await p.kill9();
  procs = [];
  for (const f of immutable.splice(0)) execFileSync('chattr', ['-i', f]);
});

async function start(dataDir: string, env: Record<string, string> = {}) {
  const p = await spawnServer({ dataDir, bundle: await serverBundle(), env });
  procs.push(p);
  return p;
}

/** Starts the server on a store it must refuse: its exit code and everything it printed. */
async function refusedStart(dataDir: string): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, [await serverBundle()], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, ADMIN_PASSWORD, DEMO_DATES: 'original' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const t = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.once('exit', (c) => {
      clearTimeout(t);
      resolve(c);
    });
  });
  return { code, out };
}

const control = (url: string, token: string, action: string, body: unknown = {}) =>
  fetch(`${url}/api/v1/control/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const state = async (url: string) => (await (await fetch(`${url}/api/v1/state`)).json()) as Snapshot;

/** A store holding a show under way: started, moved on, paused. Returns the state it was left in. */
async function showUnderWay(dataDir: string, env: Record<string, string> = {}) {
  const server = await start(dataDir, env);
  const token = await loginToken(server.url);
  for (const a of ['start', 'next', 'pause']) expect((await control(server.url, token, a)).status).toBe(200);
  return { server, token, before: await state(server.url) };
}

function expectOneClearLine(out: string, file: string, why: RegExp) {
  const lines = out.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(why);
  expect(lines[0]).toMatch(/Restore a backup/);
  expect(out).not.toMatch(/^\s+at /m); // no stack trace
  expect(out).not.toContain('READY');
}

describe('a store that knows it is sick', () => {
  it('a 0-byte store file: one line naming it, exit 1, and no silent fresh start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ros-empty-'));
    writeFileSync(join(dataDir, STORE), '');
    const { code, out } = await refusedStart(dataDir);
    expect(code).toBe(1);
    expectOneClearLine(out, join(dataDir, STORE), /is empty \(0 bytes\)/);
    expect(statSync(join(dataDir, STORE)).size).toBe(0);
  }, 60_000);

  it('a truncated store and a bit-flipped one: one line naming the file, exit 1, the file left as it was', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ros-trunc-'));
    const { server } = await showUnderWay(dataDir);
    await server.stop('SIGTERM'); // checkpointed: everything is in the main file
    const file = join(dataDir, STORE);
    const whole = readFileSync(file);
    truncateSync(file, Math.floor(whole.length / 2));
    const truncated = await refusedStart(dataDir);
    expect(truncated.code).toBe(1);
    expectOneClearLine(truncated.out, file, /is truncated/);
    expect(statSync(file).size).toBe(Math.floor(whole.length / 2));

    // Every page after the first overwritten with noise.
    const flipped = Buffer.from(whole);
    for (let i = 4096; i < flipped.length; i += 7) flipped[i] = flipped[i]! ^ 0xa5;
    writeFileSync(file, flipped);
    const noisy = await refusedStart(dataDir);
    expect(noisy.code).toBe(1);
    expectOneClearLine(noisy.out, file, /is damaged/);
  }, 120_000);

  it('a read-only store left by kill -9: the show is still served, /healthz is not ok, a press says why and nothing is reset', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ros-ro-'));
    const { server, token, before } = await showUnderWay(dataDir);
    await server.kill9();
    for (const f of [STORE, `${STORE}-wal`, `${STORE}-shm`].map((n) => join(dataDir, n)).filter(existsSync)) {
      execFileSync('chattr', ['+i', f]);
      immutable.push(f);
    }
    const again = await start(dataDir);
    const warning = again.output().split('\n').filter((l) => l.includes('read-only'));
    expect(warning).toHaveLength(1);
    expect(warning[0]).toContain(join(dataDir, STORE));
    const health = await fetch(`${again.url}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { store: { problem: string } }).store.problem).toBe('the store file is read-only');
    const after = await state(again.url);
    expect(after.version).toBe(before.version);
    expect(after.phase).toBe('paused');
    const press = await control(again.url, token, 'resume');
    expect(press.status).toBe(503);
    expect(((await press.json()) as { error: { message: string } }).error.message).toBe('the store file is read-only: nothing was saved');
  }, 120_000);

  it('backs up a running show every few seconds (BACKUP_EVERY_SEC); a restored backup resumes the show where the backup left it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ros-backup-'));
    const { server, token, before } = await showUnderWay(dataDir, { BACKUP_EVERY_SEC: '1' });
    const backups = join(dataDir, 'backups');
    const actionsIn = (f: string) => {
      const db = new Database(f, { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM actions').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !listBackups(backups).some((f) => actionsIn(f) === before.version)) await new Promise((r) => setTimeout(r, 250));
    const copies = listBackups(backups);
    expect(copies.length).toBeGreaterThan(0);
    // An idle show is not copied again and again.
    await new Promise((r) => setTimeout(r, 2500));
    expect(listBackups(backups).length).toBe(copies.length);

    await server.kill9();
    // The disk lost the store: its file came back empty and its WAL is gone.
    writeFileSync(join(dataDir, STORE), '');
    for (const n of [`${STORE}-wal`, `${STORE}-shm`]) rmSync(join(dataDir, n), { force: true });
    expect((await refusedStart(dataDir)).code).toBe(1);

    const restored = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/store/backup.cli.ts'), 'restore'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(restored).toMatch(/restored .*run-of-show-\d{8}-\d{6}\.sqlite/);
    const resumed = await start(dataDir);
    const after = await state(resumed.url);
    expect(after.version).toBe(before.version);
    expect(after.phase).toBe('paused');
    expect(after.current?.id).toBe(before.current?.id);
    expect(after.timer?.startedAt).toBe(before.timer?.startedAt);
    // The session was in the backup too: the MC presses on without logging in again.
    expect((await control(resumed.url, token, 'resume')).status).toBe(200);
  }, 120_000);
});
