import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { RunState, Snapshot } from '../../shared/protocol.ts';
import { serverBundle } from '../support/bundle.ts';
import { loginToken, spawnServer, type ServerProcess } from '../support/server.ts';
import { alive, childrenOf, localPort, ownersOf } from '../support/socket-owner.ts';
import { freePort, until as waitUntil } from '../support/wait.ts';

// WORKERS=2: the audience's websockets live in worker processes; these tests kill them.
const until = (what: string, ok: () => boolean, ms = 15_000) => waitUntil(what, ok, ms, diagnose);
/** What each phone and process was doing, for a failure message. */
function diagnose(): string {
  const stuck = viewers.filter((v) => !v.socket.connected).map((v) => {
    const port = localPort(v.socket);
    const pids = procs.flatMap((p) => [p.proc.pid!, ...childrenOf(p.proc.pid!)]);
    return `port ${port} engine ${v.socket.io.engine?.readyState} held by ${port ? ownersOf([port], Number(new URL(procs.at(-1)!.url).port), pids).get(port) : '?'} (pids ${pids.join(',')})`;
  });
  return `viewers (version/connected/disconnects): ${viewers.map((v) => `${v.version}/${v.socket.connected ? 'c' : '-'}/${v.disconnects}`).join(' ')}\nstuck: ${stuck.join('; ')}\n${procs.map((p) => p.output()).join('\n---\n').slice(-30000)}`;
}
const serving = (p: ServerProcess) => (p.output().match(/fan-out worker \d+ serving/g) ?? []).length;

type Viewer = { socket: Socket; version: number; disconnects: number };
/** A phone as client/views/agenda/live.ts behaves: /live, run feed, watch again after every connect. */
function viewer(url: string): Viewer {
  const socket = io(url, { path: '/live', transports: ['websocket'], auth: { protocol: 1 }, forceNew: true, reconnectionDelay: 200, reconnectionDelayMax: 1000 });
  const v: Viewer = { socket, version: -1, disconnects: 0 };
  socket.on('connect', () => socket.emit('stage:watch', { feed: 'run' }, (r: { ok: boolean; data: RunState }) => r.ok && (v.version = Math.max(v.version, r.data.version))));
  socket.on('run', (s: RunState) => (v.version = Math.max(v.version, s.version)));
  socket.on('disconnect', () => v.disconnects++);
  return v;
}

const procs: ServerProcess[] = [];
const viewers: Viewer[] = [];
afterAll(async () => {
  viewers.forEach((v) => v.socket.close());
  await Promise.all(procs.map((p) => p.kill9().catch(() => undefined)));
});

describe('fan-out workers', () => {
  it('hold the audience websockets; a worker killed with kill -9 drops only its share, which reconnects and misses nothing', async () => {
    const port = await freePort();
    const server = await spawnServer({ port, bundle: await serverBundle(), env: { WORKERS: '2' } });
    procs.push(server);
    await until('two workers serving', () => serving(server) === 2);
    const workers = childrenOf(server.proc.pid!);
    expect(workers).toHaveLength(2);
    const token = await loginToken(server.url);
    const control = async (action: string) => {
      const r = await fetch(`${server.url}/api/v1/control/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(200);
      return ((await r.json()) as Snapshot).version;
    };

    for (let i = 0; i < 40; i++) viewers.push(viewer(server.url));
    await until('every viewer watching', () => viewers.every((v) => v.version === 0));
    const ports = viewers.map((v) => localPort(v.socket)!);
    const owners = ownersOf(ports, port, [server.proc.pid!, ...workers]);
    const share = (pid: number) => ports.filter((p) => owners.get(p) === pid).length;
    // Round robin: every connection is in a worker, half in each; none in the main process.
    expect(share(server.proc.pid!)).toBe(0);
    expect(share(workers[0]!)).toBe(20);
    expect(share(workers[1]!)).toBe(20);

    expect(await control('start')).toBe(1);
    await until('version 1 everywhere', () => viewers.every((v) => v.version === 1));

    process.kill(workers[0]!, 'SIGKILL');
    await until('the killed worker\'s viewers to notice', () => viewers.filter((v) => v.disconnects > 0).length === 20);
    // An action while they reconnect: they catch up from the watch answer.
    expect(await control('next')).toBe(2);
    await until('everyone on version 2', () => viewers.every((v) => v.version === 2 && v.socket.connected));
    expect(viewers.filter((v) => v.disconnects > 0)).toHaveLength(20);
    await until('the worker restarted', () => serving(server) === 3);
    expect(await control('pause')).toBe(3);
    await until('everyone on version 3', () => viewers.every((v) => v.version === 3));
  });

  it('go with the main process when it is killed with kill -9; the restarted server takes the audience back', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'ros-fanout-'));
    const bundle = await serverBundle();
    const first = await spawnServer({ port, dataDir, bundle, env: { WORKERS: '2' } });
    procs.push(first);
    await until('two workers serving', () => serving(first) === 2);
    const workers = childrenOf(first.proc.pid!);
    const token = await loginToken(first.url);
    const post = (url: string, action: string) => fetch(`${url}/api/v1/control/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const audience = Array.from({ length: 10 }, () => viewer(first.url));
    viewers.push(...audience);
    await until('audience watching', () => audience.every((v) => v.version >= 0));
    expect((await post(first.url, 'start')).status).toBe(200);
    await until('audience on version 1', () => audience.every((v) => v.version === 1));

    await first.kill9();
    await until('no orphaned worker', () => workers.every((pid) => !alive(pid)), 5000);
    const second = await spawnServer({ port, dataDir, bundle, env: { WORKERS: '2' } });
    procs.push(second);
    expect((await post(second.url, 'next')).status).toBe(200);
    await until('audience back on version 2', () => audience.every((v) => v.version === 2 && v.socket.connected), 20_000);
  });

  it('stop being restarted after 5 exits in a minute; their phones are then served by the main process', async () => {
    const port = await freePort();
    const server = await spawnServer({ port, bundle: await serverBundle(), env: { WORKERS: '1' } });
    procs.push(server);
    for (let kill = 1; kill <= 6; kill++) {
      await until(`worker start ${kill}`, () => serving(server) === kill, 20_000);
      const [worker] = childrenOf(server.proc.pid!);
      process.kill(worker!, 'SIGKILL');
      await until(`worker ${kill} gone`, () => !alive(worker!));
    }
    await until('the pool to give up', () => /not restarting it, its viewers are served here/.test(server.output()));
    await new Promise((r) => setTimeout(r, 1500)); // past the restart delay: nothing more starts
    expect(childrenOf(server.proc.pid!)).toEqual([]);
    const phone = viewer(server.url);
    viewers.push(phone);
    await until('the phone watching', () => phone.version === 0);
    expect(ownersOf([localPort(phone.socket)!], port, [server.proc.pid!]).get(localPort(phone.socket)!)).toBe(server.proc.pid!);
  });
});
