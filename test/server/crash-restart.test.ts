import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../shared/protocol.ts';
import { serverBundle } from '../support/bundle.ts';
import { loginToken, spawnServer, type ServerProcess } from '../support/server.ts';

// Each test starts real server processes; on a loaded 2-core machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

let procs: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(procs.filter((p) => p.proc.exitCode === null).map((p) => p.kill9()));
  procs = [];
});

async function start(dataDir: string) {
  const p = await spawnServer({ dataDir, bundle: await serverBundle() });
  procs.push(p);
  return p;
}
const state = async (url: string) => (await (await fetch(`${url}/api/v1/state`)).json()) as Snapshot;
const control = async (url: string, token: string, action: string, body: unknown = {}) => {
  const r = await fetch(`${url}/api/v1/control/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as Snapshot;
};

describe('a kill -9 of the server mid-show', () => {
  it('loses no acknowledged action: the same segment resumes with the same startedAt, pause and added time', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ros-crash-'));
    const first = await start(dataDir);
    const token = await loginToken(first.url);
    await control(first.url, token, 'start');
    await control(first.url, token, 'next');
    await control(first.url, token, 'add-time', { ms: 120_000 });
    const paused = await control(first.url, token, 'pause');
    await control(first.url, token, 'message', { text: 'Còn 2 phút' });
    const before = await state(first.url);
    expect(before.timer?.pausedAt).not.toBeNull();

    await first.kill9();

    const second = await start(dataDir);
    const after = await state(second.url);
    expect(after.version).toBe(before.version);
    expect(after.phase).toBe('paused');
    expect(after.current?.id).toBe('d1-golden-bell');
    expect(after.timer).toEqual(before.timer);
    expect(after.timer?.startedAt).toBe(paused.timer?.startedAt);
    expect(after.message).toEqual(before.message);
    // Paused, so the remaining time is exactly what it was.
    expect(after.remainingMs).toBe(before.remainingMs);
    // The session survives too: the MC does not have to log in again after a crash.
    const resumed = await control(second.url, token, 'resume');
    expect(resumed.phase).toBe('running');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('resumes a running timer after a clean %s with the same startedAt', async (signal) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ros-term-'));
    const first = await start(dataDir);
    const token = await loginToken(first.url);
    const started = await control(first.url, token, 'start');
    expect(await first.stop(signal)).toBe(0);
    const second = await start(dataDir);
    const after = await state(second.url);
    expect(after).toMatchObject({ phase: 'running', version: started.version, current: started.current });
    expect(after.timer?.startedAt).toBe(started.timer?.startedAt);
  });
});

describe('logs', () => {
  it('never print a password or a token', async () => {
    const p = await start(mkdtempSync(join(tmpdir(), 'ros-logs-')));
    const token = await loginToken(p.url);
    await fetch(`${p.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'wrong-password-123' }) });
    await control(p.url, token, 'start');
    await fetch(`${p.url}/api/v1/control/next`, { method: 'POST', headers: { authorization: 'Bearer forged-token-xyz' } });
    await p.stop('SIGINT');
    const out = p.output();
    expect(out).toContain('READY');
    for (const secret of [token, 'test-admin-password', 'wrong-password-123', 'forged-token-xyz']) expect(out).not.toContain(secret);
  });
});
