import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Snapshot } from '../../shared/protocol.ts';
import { makeProgramme } from '../support/factories.ts';
import { loginToken, socketClient, startTestServer, type TestClient, type TestServer } from '../support/server.ts';

// A long day makes each snapshot large (~30 KB), so a viewer that stops reading backs up quickly.
const programme = makeProgramme(Array.from({ length: 140 }, (_, i) => [i === 0 ? '08:00' : null, 5] as [string | null, number]));

let server: TestServer;
let mc: TestClient;
const viewers: TestClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ programme });
  mc = await socketClient(server.url, await loginToken(server.url));
  await mc.emitWithAck('stage:watch', {});
  for (let i = 0; i < 30; i++) {
    const v = await socketClient(server.url);
    await v.emitWithAck('stage:watch', {});
    viewers.push(v);
  }
});
afterAll(async () => {
  mc.close();
  viewers.forEach((v) => v.close());
  await server.close();
});

let version = 0;
/** Sends `count` actions one after another; returns each action's median latency to the 30 good viewers. */
async function measure(count: number): Promise<number[]> {
  const perAction: number[] = [];
  for (let i = 0; i < count; i++) {
    const target = version + 1;
    const arrivals = viewers.map(
      (v) =>
        new Promise<number>((resolve) => {
          const on = (s: Snapshot) => {
            if (s.version >= target) {
              v.off('state', on);
              resolve(performance.now());
            }
          };
          v.on('state', on);
        }),
    );
    const sent = performance.now();
    const ack = (await mc.emitWithAck('control', { command: { type: 'message', text: `m${i}` }, expectedVersion: version })) as { ok: boolean; data: Snapshot };
    expect(ack.ok).toBe(true);
    version = ack.data.version;
    const times = (await Promise.all(arrivals)).map((t) => t - sent).sort((a, b) => a - b);
    perAction.push(times[Math.floor(times.length / 2)]!);
  }
  return perAction;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A viewer that joins the stage and then stops reading from its TCP connection. */
async function hungViewer(url: string): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      const text = (data as Buffer).toString();
      if (text.startsWith('0')) ws.send('40{"protocol":1}');
      else if (text.startsWith('40')) ws.send('420["stage:watch",{"stageId":"main"}]');
      else if (text.startsWith('430')) resolve();
    });
    ws.on('error', reject);
  });
  (ws as unknown as { _socket: { pause(): void } })._socket.pause();
  return ws;
}

describe('one slow or dead viewer cannot slow the others', () => {
  it('drops a viewer that stops reading once its backlog passes the cap; the others keep their latency', async () => {
    await measure(10); // warm-up
    const baseline = await measure(40);
    const sockets = () => server.app.io.sockets.sockets.size;
    const before = sockets();
    const hung = await hungViewer(server.url);
    expect(sockets()).toBe(before + 1);
    // Enough snapshots to overflow the kernel's buffers and then the cap.
    const during: number[] = [];
    for (let round = 0; round < 12 && sockets() > before; round++) during.push(...(await measure(40)));
    expect(sockets()).toBe(before);
    const after = await measure(40);
    hung.terminate();
    const [b, d, a] = [median(baseline), median(during), median(after)];
    console.log(`slow consumer: median latency to 30 viewers ${b.toFixed(2)} ms before, ${d.toFixed(2)} ms while hung, ${a.toFixed(2)} ms after; dropped after ${during.length} snapshots`);
    // Within 10 % (plus 2 ms of timer granularity on a shared 2-core machine).
    expect(d).toBeLessThanOrEqual(b * 1.1 + 2);
    expect(a).toBeLessThanOrEqual(b * 1.1 + 2);
  }, 120_000);
});
