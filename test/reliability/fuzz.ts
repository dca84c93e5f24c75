import fc from 'fast-check';
import type { Snapshot } from '../../shared/protocol.ts';
import { socketClient, type TestClient } from '../support/server.ts';

const KNOWN = ['control', 'stage:watch', 'clock:ping', 'screen:register', 'screen:assign'];
/** The events the audience endpoint answers (the screens' are not there). */
const LIVE_ANSWERS = ['control', 'stage:watch', 'clock:ping'];
const HOSTILE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'x'.repeat(300), 'state', 'programme', 'connect', 'disconnecting'];

function nested(depth: number): unknown {
  let v: unknown = 'core';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Messages a careless or hostile client might send. None may change the show. */
export function hostileMessage(staleVersions: number[]): fc.Arbitrary<{ event: string; payload: unknown; withAck: boolean }> {
  const event = fc.oneof(fc.constantFrom(...KNOWN, ...HOSTILE_NAMES), fc.string({ maxLength: 40 }));
  const command = fc.oneof(
    fc.record({ type: fc.constantFrom('next', 'start', 'pause', 'goto', 'add-time', 'end', 'reset-day', 'message', 'warp') }, { requiredKeys: ['type'] }),
    fc.anything({ maxDepth: 3 }),
  );
  const payload = fc.oneof(
    fc.anything({ maxDepth: 4, withBigInt: false }),
    // Valid-looking commands, but quoting a version that has already passed.
    fc.record({ command, expectedVersion: fc.constantFrom(...staleVersions) }),
    fc.record({ command, expectedVersion: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.integer({ min: -5, max: -1 })) }),
    fc.string({ maxLength: 2000 }),
    fc.integer({ min: 1000, max: 80_000 }).map((n) => ({ command: { type: 'message', text: 'x'.repeat(n) }, expectedVersion: 0 })),
    fc.integer({ min: 10, max: 200 }).map(nested),
    fc.constant(JSON.parse('{"__proto__":{"isAdmin":true},"command":{"__proto__":{"type":"next"}}}')),
    fc.constant(JSON.parse('{"constructor":{"prototype":{"polluted":1}},"stageId":"main"}')),
    fc.record({ stageId: fc.string({ maxLength: 100 }), t0: fc.oneof(fc.double(), fc.string()) }),
  );
  return fc.record({ event, payload, withAck: fc.boolean() });
}

export type FuzzResult = { sent: number; reconnects: number; acks: number };

/**
 * Sends `count` hostile messages over authenticated sockets (or, with `path`, anonymous ones on that
 * endpoint, such as the audience's `/live`), reconnecting whenever the server drops one.
 */
export async function fuzzServer(url: string, token: string, count: number, seed: number, deadlineMs: number, path?: string): Promise<FuzzResult> {
  const before = (await (await fetch(`${url}/api/v1/state`)).json()) as Snapshot;
  const stale = before.version > 0 ? Array.from({ length: Math.min(before.version, 5) }, (_, i) => before.version - 1 - i) : [-1];
  const messages = fc.sample(hostileMessage(stale), { numRuns: count, seed });
  const deadline = Date.now() + deadlineMs;
  let socket: TestClient = await socketClient(url, path ? undefined : token, path);
  const result: FuzzResult = { sent: 0, reconnects: 0, acks: 0 };
  for (const m of messages) {
    if (Date.now() > deadline) break;
    if (!socket.connected) {
      socket.close();
      socket = await socketClient(url, path ? undefined : token, path);
      result.reconnects++;
    }
    const emit = socket.emit.bind(socket) as (ev: string, ...args: unknown[]) => void;
    try {
      // Only handled events answer; waiting on the others would just burn the time budget.
      if (m.withAck && (path ? LIVE_ANSWERS : KNOWN).includes(m.event)) {
        await new Promise<void>((resolve) => {
          // A message over the size cap makes the server drop the socket: no answer will come.
          const done = () => {
            clearTimeout(timer);
            socket.off('disconnect', done);
            resolve();
          };
          const timer = setTimeout(done, 1000);
          socket.once('disconnect', done);
          emit(m.event, m.payload, () => {
            result.acks++;
            done();
          });
        });
      } else emit(m.event, m.payload);
    } catch {
      // Reserved names (connect, disconnecting…) throw in the client itself: nothing is sent.
    }
    result.sent++;
  }
  socket.close();
  return result;
}
