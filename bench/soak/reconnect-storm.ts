import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type RunState, type Snapshot } from '../../shared/protocol.ts';
import { loginToken, spawnServer } from '../../test/support/server.ts';

export type StormResult = {
  viewers: number;
  connected: number;
  restartToP99Ms: number | null;
  restartToAllMs: number | null;
  onLatestWithin10s: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `viewers` real socket.io clients watch a stage as phones do (`/live`, run feed, reconnecting with
 * the agenda's backoff); the server is killed (-9) and restarted on the
 * same port and store, and an action is sent at once. Measures how long until 99 % (and all) of the
 * viewers hold the latest version again.
 */
export async function reconnectStorm(opts: { viewers: number; port: number; dataDir: string; bundle: string }): Promise<StormResult> {
  // Every simulated phone shares the loopback address.
  const env = { MAX_CONNECTIONS_PER_ADDRESS: '100000' };
  const first = await spawnServer({ dataDir: opts.dataDir, port: opts.port, bundle: opts.bundle, env });
  const url = first.url;
  const token = await loginToken(url);
  const act = async (action: string) =>
    ((await (await fetch(`${url}/api/v1/control/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).json()) as Snapshot).version;
  const versions = new Int32Array(opts.viewers).fill(-1);
  const sockets: Socket[] = [];
  for (let i = 0; i < opts.viewers; i++) {
    const s = io(url, {
      path: '/live',
      transports: ['websocket'],
      auth: { protocol: PROTOCOL_VERSION },
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      randomizationFactor: 0.5,
    });
    s.on('connect', () =>
      s.emit('stage:watch', { stageId: 'main', feed: 'run' }, (r: { ok: boolean; data: RunState }) => {
        if (r.ok) versions[i] = Math.max(versions[i]!, r.data.version);
      }),
    );
    s.on('run', (state: RunState) => (versions[i] = Math.max(versions[i]!, state.version)));
    sockets.push(s);
    if (i % 200 === 199) await sleep(50); // a connection ramp the server can absorb
  }
  const deadline = Date.now() + 120_000;
  while ([...versions].filter((v) => v >= 0).length < opts.viewers && Date.now() < deadline) await sleep(100);
  const connected = [...versions].filter((v) => v >= 0).length;
  await act('start');

  await first.kill9();
  const second = await spawnServer({ dataDir: opts.dataDir, port: opts.port, bundle: opts.bundle, env });
  const restarted = Date.now();
  const latest = await act('next');
  let p99: number | null = null;
  let all: number | null = null;
  let within10 = 0;
  while (Date.now() - restarted < 30_000) {
    const on = [...versions].filter((v) => v === latest).length;
    const elapsed = Date.now() - restarted;
    if (elapsed <= 10_000) within10 = on;
    if (p99 === null && on >= Math.ceil(opts.viewers * 0.99)) p99 = elapsed;
    if (on === opts.viewers) {
      all = elapsed;
      if (elapsed <= 10_000) within10 = on;
      break;
    }
    await sleep(25);
  }
  sockets.forEach((s) => s.close());
  await second.kill9();
  return { viewers: opts.viewers, connected, restartToP99Ms: p99, restartToAllMs: all, onLatestWithin10s: within10 };
}
