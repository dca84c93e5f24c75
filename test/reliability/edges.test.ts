import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { AgendaData } from '../../shared/agenda/data.ts';
import { PROTOCOL_VERSION, type RunState, type Snapshot } from '../../shared/protocol.ts';
import { edgeBundle, serverBundle } from '../support/bundle.ts';
import { documentedNginxSite, startNginx, testNginxSite, type TestNginx } from '../support/nginx.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { loginToken, spawnServer, type ServerProcess } from '../support/server.ts';
import { freePort, until as waitUntil } from '../support/wait.ts';

/**
 * The deployment of docs/deploy.md with real processes on loopback ports: Debian's redis-server,
 * the primary, two edges (`npm run edge`'s bundle) and Debian's nginx with the documented config.
 * The tests run in order on one cluster, each leaving it whole for the next.
 */
const PHONES = 2000;
/** Phones on long polling only: they need nginx's stickiness (a session lives on one edge). */
const POLLING = 20;
const BIG = { MAX_CONNECTIONS_PER_ADDRESS: '100000' };

type Phone = { socket: Socket; transport: 'websocket' | 'polling'; version: number; disconnects: number; refusals: number; reasons: string[]; attempts: number; errors: string[] };

/**
 * A phone as client/views/agenda/live.ts behaves (/live, run feed, watch again after every connect,
 * its backoff), from its own loopback address so nginx's hash spreads phones as it spreads a venue's.
 */
function phone(url: string, n: number, transport: 'websocket' | 'polling' = 'websocket'): Phone {
  const socket = io(url, {
    path: '/live',
    transports: [transport],
    auth: { protocol: PROTOCOL_VERSION },
    forceNew: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
    localAddress: `127.1.${Math.floor(n / 250)}.${1 + (n % 250)}`,
  } as Parameters<typeof io>[1]);
  const p: Phone = { socket, transport, version: -1, disconnects: 0, refusals: 0, reasons: [], attempts: 0, errors: [] };
  socket.on('connect', () =>
    socket.emit('stage:watch', { feed: 'run' }, (r: { ok: boolean; data: RunState }) => {
      if (r.ok) p.version = Math.max(p.version, r.data.version);
      else p.refusals++;
    }),
  );
  socket.on('run', (s: RunState) => (p.version = Math.max(p.version, s.version)));
  socket.io.on('reconnect_attempt', (n) => (p.attempts = Math.max(p.attempts, n)));
  socket.io.on('reconnect_error', (e) => p.errors.push(e.message));
  socket.on('disconnect', (reason) => {
    p.disconnects++;
    p.reasons.push(reason);
  });
  return p;
}

let redis: TestRedis;
let nginx: TestNginx;
let primary: ServerProcess;
const edges: ServerProcess[] = [];
let edgePorts: [number, number];
let primaryPort: number;
const dataDir = mkdtempSync(join(tmpdir(), 'ros-edges-'));
const phones: Phone[] = [];
let token = '';
let version = 0;

const onLatest = (ps: Phone[] = phones) => ps.every((p) => p.version === version && p.socket.connected);
const diagnose = () => {
  const behind = phones.filter((p) => p.version !== version || !p.socket.connected);
  const reasons = phones.flatMap((p) => p.reasons).reduce<Record<string, number>>((m, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {});
  const attempts = phones.reduce<Record<number, number>>((m, p) => ({ ...m, [p.attempts]: (m[p.attempts] ?? 0) + 1 }), {});
  const errors = phones.flatMap((p) => p.errors).reduce<Record<string, number>>((m, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {});
  return `attempts ${JSON.stringify(attempts)} errors ${JSON.stringify(errors)} disconnect reasons ${JSON.stringify(reasons)}; expected version ${version}; ${behind.length} phones behind or offline (e.g. ${behind
    .slice(0, 5)
    .map((p) => `${p.version}/${p.socket.connected ? 'on' : 'off'}`)
    .join(' ')})\n--- primary\n${primary.output().slice(-3000)}\n--- edges\n${edges.map((e) => e.output().slice(-2000)).join('\n---\n')}\n--- nginx\n${nginx.log().slice(-2000)}`;
};
const until = (what: string, ok: () => boolean, ms = 15_000) => waitUntil(what, ok, ms, diagnose);

const startEdge = async (port: number) =>
  spawnServer({ port, bundle: await edgeBundle(), env: { REDIS_URL: redis.url, ...BIG } });
const startPrimary = async () => spawnServer({ port: primaryPort, dataDir, bundle: await serverBundle(), env: { REDIS_URL: redis.url, ...BIG } });

/** An MC action through nginx to the primary; the version it made. */
async function act(action: string): Promise<number> {
  const r = await fetch(`${nginx.http}/api/v1/control/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  expect(r.status, await r.clone().text()).toBe(200);
  version = ((await r.json()) as Snapshot).version;
  return version;
}
const audienceOf = async (port: number) => ((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { audience: number }).audience;

beforeAll(async () => {
  redis = await startRedis();
  [primaryPort, ...edgePorts] = [await freePort(), await freePort(), await freePort()] as [number, number, number];
  primary = await startPrimary();
  edges.push(await startEdge(edgePorts[0]), await startEdge(edgePorts[1]));
  nginx = await startNginx({ primary: primaryPort, edges: edgePorts });
  token = await loginToken(nginx.http);
}, 120_000);

afterAll(async () => {
  for (const p of phones) p.socket.close();
  await Promise.all([primary, ...edges].map((p) => p?.kill9().catch(() => undefined)));
  await nginx?.stop();
  await redis?.stop();
});

describe('a primary and two edges through Redis behind the documented nginx', () => {
  it('runs nginx with the config docs/deploy.md gives, changing only ports and the certificate folder', () => {
    const doc = documentedNginxSite().split('\n');
    const used = testNginxSite({ http: 1, https: 2, primary: 3, edges: [4, 5], certDir: '/tmp/x' }).split('\n');
    expect(used).toHaveLength(doc.length);
    const changed = doc.flatMap((line, i) => (line === used[i] ? [] : [line.trim()]));
    expect(changed).toEqual([
      'server 127.0.0.1:3000;',
      'server 127.0.0.1:3101 max_fails=0;',
      'server 127.0.0.1:3102 max_fails=0;',
      'listen 80;',
      'listen 443 ssl;',
      'ssl_certificate     /etc/ssl/run-of-show/cert.pem;',
      'ssl_certificate_key /etc/ssl/run-of-show/key.pem;',
    ]);
  });

  it(`spreads ${PHONES} phones over both edges through nginx; every MC action reaches every phone; an edge's agenda shows the live state`, async () => {
    const t0 = Date.now();
    for (let i = 0; i < PHONES + POLLING; i++) {
      phones.push(phone(nginx.http, i, i < PHONES ? 'websocket' : 'polling'));
      // Bounded ramp: 200 connections at a time, like a hall filling up fast.
      if (i % 200 === 199) await new Promise((r) => setTimeout(r, 50));
    }
    await until('every phone watching', () => onLatest(), 60_000);
    const connectedMs = Date.now() - t0;
    const [a, b] = [await audienceOf(edgePorts[0]), await audienceOf(edgePorts[1])];
    expect(a + b).toBe(PHONES + POLLING);
    // Consistent hashing of 2,020 addresses: each edge gets a real share.
    expect(Math.min(a, b)).toBeGreaterThan((PHONES + POLLING) / 5);

    const times: number[] = [];
    for (const action of ['start', 'next', 'next', 'next', 'pause']) {
      const t = Date.now();
      await act(action);
      await until(`${action} (version ${version}) on every phone`, () => onLatest());
      times.push(Date.now() - t);
    }
    expect(phones.filter((p) => p.disconnects > 0 || p.refusals > 0).map((p) => `${p.reasons.join('+')}/${p.refusals}`)).toEqual([]);

    // The agenda page from an edge, directly and through nginx over TLS: the inlined data is the live state.
    const inlined = (html: string) => JSON.parse(/<script type="application\/json" id="agenda-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null') as AgendaData;
    const fromEdge = inlined(await (await fetch(`http://127.0.0.1:${edgePorts[1]}/agenda`)).text());
    const stage = Object.values(fromEdge.runStates)[0];
    expect(stage?.version).toBe(version);
    const tls = await httpsGet(`${nginx.https}/agenda`);
    expect(tls.status).toBe(200);
    expect(Object.values(inlined(tls.body).runStates)[0]?.version).toBe(version);
    const ics = await fetch(`${nginx.http}/api/v1/agenda.ics`);
    expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);
    console.log(`edges: ${PHONES + POLLING} phones connected and watching in ${connectedMs} ms (${a} / ${b} per edge); action → every phone ${times.join(', ')} ms`);
  });

  it("changes nothing anywhere when an edge's /live gets garbage", async () => {
    const before = (await (await fetch(`${nginx.http}/api/v1/state`)).json()) as Snapshot;
    const port = edgePorts[0];
    // Raw bytes, a broken HTTP request, a websocket speaking nonsense, and socket.io requests the endpoint refuses.
    await rawSend(port, Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10]));
    await rawSend(port, Buffer.from('GET /live/?EIO=4&transport=websocket HTTP/1.1\r\nUpgrade: websocket\r\n\r\n'));
    await new Promise<void>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/live/?EIO=4&transport=websocket`);
      ws.on('open', () => {
        for (const junk of ['40', '42["control:start",{}]', '4x', '9'.repeat(70_000), '42[', '\u0000\u0001']) ws.send(junk);
        setTimeout(() => ws.close(), 300);
      });
      ws.on('close', () => resolve());
      ws.on('error', () => resolve());
    });
    const intruder = phone(`http://127.0.0.1:${port}`, 3000);
    await until('the intruder connected', () => intruder.socket.connected);
    const answers = await Promise.all([
      intruder.socket.timeout(3000).emitWithAck('control:start', {}).catch((e: unknown) => ({ ok: false, error: { code: String(e) } })),
      intruder.socket.timeout(3000).emitWithAck('stage:watch', { stageId: 'x'.repeat(5000) }).catch((e: unknown) => ({ ok: false, error: { code: String(e) } })),
      intruder.socket.timeout(3000).emitWithAck('stage:watch', 42).catch((e: unknown) => ({ ok: false, error: { code: String(e) } })),
    ]);
    intruder.socket.close();
    for (const a of answers) expect((a as { ok: boolean }).ok).toBe(false);
    const after = (await (await fetch(`${nginx.http}/api/v1/state`)).json()) as Snapshot;
    expect([after.version, after.programmeRevision, after.run]).toEqual([before.version, before.programmeRevision, before.run]);
    expect((await fetch(`http://127.0.0.1:${edgePorts[0]}/healthz`)).status).toBe(200);
    expect(phones.filter((p) => p.disconnects > 0 || p.version !== version).map((p) => `${p.disconnects}/${p.version}`)).toEqual([]);
    await act('resume');
    await until('the next action on every phone', () => onLatest());
    expect(`${primary.output()}${edges.map((e) => e.output()).join('')}`).not.toMatch(/\n\s+at /);
  });

  it('takes every action made while Redis is stopped for 5 s to every phone once it is back; each edge logs the outage in one line', async () => {
    await redis.stop();
    const made: number[] = [];
    for (const action of ['pause', 'resume', 'next']) {
      made.push(await act(action)); // the primary keeps taking actions: its store is the truth
      await new Promise((r) => setTimeout(r, 1500));
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(made).toEqual([made[0], made[0]! + 1, made[0]! + 2]);
    await redis.start();
    const t = Date.now();
    await until('every phone on the latest version after the outage', () => onLatest(), 20_000);
    const recoveredMs = Date.now() - t;
    const state = (await (await fetch(`${nginx.http}/api/v1/state`)).json()) as Snapshot;
    expect(state.version).toBe(version);
    for (const e of edges) {
      expect(e.output().match(/Redis at \S+ unreachable/g)).toHaveLength(1);
      expect(e.output().match(/Redis back after/g)).toHaveLength(1);
      expect(e.output()).not.toMatch(/\n\s+at /);
    }
    expect(phones.every((p) => p.disconnects === 0)).toBe(true);
    await act('next');
    await until('the first action after the outage on every phone', () => onLatest());
    console.log(`edges: every phone on the latest version ${recoveredMs} ms after Redis came back`);
  });

  it('brings the phones of an edge killed with kill -9 back through nginx on the other edge within 5 s; the restarted edge takes new phones', async () => {
    const [killed, kept] = [edges[0]!, edges[1]!];
    const share = await audienceOf(edgePorts[0]);
    expect(share).toBeGreaterThan(0);
    const t = Date.now();
    await killed.kill9();
    await act('next');
    await until('every phone back on the latest version', () => onLatest(), 5000);
    const backMs = Date.now() - t;
    expect(await audienceOf(edgePorts[1])).toBe(PHONES + POLLING);
    expect(phones.filter((p) => p.disconnects > 0)).toHaveLength(share);

    edges[0] = await startEdge(edgePorts[0]);
    const newcomers = Array.from({ length: 100 }, (_, i) => phone(nginx.http, 2500 + i));
    phones.push(...newcomers);
    await until('the newcomers watching', () => onLatest(newcomers));
    expect(await audienceOf(edgePorts[0])).toBeGreaterThan(10);
    await act('next');
    await until('the next action on every phone', () => onLatest());
    expect(kept.proc.exitCode).toBeNull();
    console.log(`edges: ${share} phones of the killed edge back on the latest version ${backMs} ms after kill -9`);
  });

  it('keeps serving the last state when the primary is killed with kill -9, and picks up the first action after it restarts', async () => {
    // Websockets only: a long-polling phone whose own edge came back in the test before moves back
    // to it at its next poll (nginx hashes every request), one reconnect that may fall in this test.
    const websockets = phones.filter((p) => p.transport === 'websocket');
    const disconnects = () => websockets.reduce((n, p) => n + p.disconnects, 0);
    const before = disconnects();
    await primary.kill9();
    await new Promise((r) => setTimeout(r, 1000));
    // Phones stay connected; a new one is served from the edge's copy; the agenda page still renders.
    const late = phone(nginx.http, 2700);
    phones.push(late);
    await until('a phone connecting while the primary is down gets the last state', () => onLatest([late]));
    expect(late.refusals).toBe(0);
    const page = await fetch(`${nginx.http}/agenda`);
    expect(page.status).toBe(200);
    expect(disconnects()).toBe(before);
    const pong = (await late.socket.timeout(3000).emitWithAck('clock:ping', { t0: 1 })) as { ok: boolean };
    expect(pong.ok).toBe(true);
    // A new edge started now takes its copy from Redis alone.
    const third = await startEdge(await freePort());
    edges.push(third);
    const direct = phone(third.url, 2800);
    phones.push(direct);
    await until('a phone on an edge started while the primary is down gets the last state', () => onLatest([direct]));

    primary = await startPrimary();
    token = await loginToken(nginx.http);
    const t = Date.now();
    await act('next');
    await until('the first action after the restart on every phone', () => onLatest());
    expect(disconnects()).toBe(before);
    console.log(`edges: first action after the primary's restart on every phone in ${Date.now() - t} ms`);
  });
});

function rawSend(port: number, bytes: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => s.end(bytes));
    s.on('data', () => undefined);
    s.on('close', () => resolve());
    s.on('error', () => resolve());
    setTimeout(() => {
      s.destroy();
      resolve();
    }, 2000);
  });
}

async function httpsGet(url: string): Promise<{ status: number; body: string }> {
  const { get } = await import('node:https');
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}
