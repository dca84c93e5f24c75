import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { connect } from '../../client/net/connection.ts';
import { showStore } from '../../client/store/show.store.ts';
import { PROTOCOL_VERSION, type Snapshot } from '../../shared/protocol.ts';
import { serverBundle } from '../support/bundle.ts';
import { loginToken, spawnServer, type ServerProcess } from '../support/server.ts';
import { freePort, until } from '../support/wait.ts';

const procs: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(procs.map((p) => p.kill9().catch(() => undefined)));
});

describe('clients heal themselves after a server restart', () => {
  it('our client and 300 viewers reconnect with backoff, get a full snapshot and end on the latest version', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'ros-heal-'));
    const bundle = await serverBundle();
    // All 300 viewers share the loopback address; a venue's phones each have their own.
    const env = { MAX_CONNECTIONS_PER_ADDRESS: '1000' };
    const first = await spawnServer({ dataDir, port, bundle, env });
    procs.push(first);
    const url = first.url;
    const token = await loginToken(url);
    const control = async (action: string) => {
      const r = await fetch(`${url}/api/v1/control/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(200);
      return ((await r.json()) as Snapshot).version;
    };

    const client = connect({ url, stageId: 'main' });
    const viewers: { socket: Socket; version: number }[] = [];
    for (let i = 0; i < 300; i++) {
      const v = { socket: io(url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION }, forceNew: true, reconnectionDelay: 500, reconnectionDelayMax: 5000, randomizationFactor: 0.5 }), version: -1 };
      // What every display must do: on each (re)connect, watch again and take the snapshot.
      v.socket.on('connect', () => v.socket.emit('stage:watch', { stageId: 'main' }, (r: { ok: boolean; data: Snapshot }) => r.ok && (v.version = Math.max(v.version, r.data.version))));
      v.socket.on('state', (s: Snapshot) => (v.version = Math.max(v.version, s.version)));
      viewers.push(v);
    }
    try {
      await until('everyone online', () => showStore.getState().connection === 'online' && viewers.every((v) => v.version === 0));
      expect(await control('start')).toBe(1);
      await until('version 1 everywhere', () => showStore.getState().runState?.version === 1 && viewers.every((v) => v.version === 1));

      await first.kill9();
      await until('the client to notice', () => showStore.getState().connection !== 'online');
      const second = await spawnServer({ dataDir, port, bundle, env });
      procs.push(second);
      const restartedAt = Date.now();
      // An action while viewers are still reconnecting: they must catch up from the watch snapshot.
      expect(await control('next')).toBe(2);
      await until('everyone back on version 2', () => showStore.getState().runState?.version === 2 && viewers.every((v) => v.version === 2), 20_000);
      const healedMs = Date.now() - restartedAt;
      expect(showStore.getState().connection).toBe('online');
      expect(showStore.getState().runState?.run.cursorId).toBe('d1-golden-bell');
      console.log(`reconnect: 301 clients back on the latest version ${healedMs} ms after the restart`);
      expect(healedMs).toBeLessThan(10_000);
    } finally {
      client.close();
      viewers.forEach((v) => v.socket.close());
    }
  }, 120_000);
});
