import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/model/action.schema.ts';
import type { ControlRequest, Snapshot } from '../../shared/protocol.ts';
import { ask } from '../support/client.ts';
import { socketClient, type TestClient, useTestServer } from '../support/server.ts';

/**
 * Model-based: two consoles, each remembering the version it last saw, press, replay old presses,
 * refresh and race each other. The model says which presses must be accepted; the server must agree
 * exactly, and the stage's version must move once per accepted press.
 */
type Console = { socket: TestClient; seen: number; lastSent: ControlRequest | null };
type Real = { consoles: [Console, Console] };
type Model = { version: number; seen: [number, number]; lastSentVersion: [number | null, number | null] };

const server = useTestServer();

const press: Command = { type: 'message', text: 'Còn 1 phút' };
const send = (c: Console, req: ControlRequest) => ask(c.socket, 'control', req);
const stageVersion = async () => ((await (await fetch(`${server.url}/api/v1/state`)).json()) as Snapshot).version;

class Press implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: 0 | 1) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const c = r.consoles[this.who];
    const req = { command: press, expectedVersion: c.seen };
    c.lastSent = req;
    m.lastSentVersion[this.who] = m.seen[this.who];
    const res = await send(c, req);
    const fresh = m.seen[this.who] === m.version;
    expect(res.ok).toBe(fresh);
    if (res.ok) {
      m.version += 1;
      m.seen[this.who] = m.version;
      c.seen = res.data.version;
      expect(res.data.version).toBe(m.version);
    } else {
      expect(res.error.code).toBe('stale_version');
    }
  }
  toString = () => `Press(${this.who})`;
}

class Replay implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: 0 | 1) {}
  check = (m: Readonly<Model>) => m.lastSentVersion[this.who] !== null;
  async run(m: Model, r: Real) {
    const res = await send(r.consoles[this.who], r.consoles[this.who].lastSent!);
    // A replayed message is applied only if nothing happened since it was first built.
    const fresh = m.lastSentVersion[this.who] === m.version;
    expect(res.ok).toBe(fresh);
    if (res.ok) m.version += 1;
    else expect(res.error.code).toBe('stale_version');
  }
  toString = () => `Replay(${this.who})`;
}

class Refresh implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: 0 | 1) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const res = await ask(r.consoles[this.who].socket, 'stage:watch', {});
    expect(res.ok && res.data.version).toBe(m.version);
    m.seen[this.who] = m.version;
    r.consoles[this.who].seen = m.version;
  }
  toString = () => `Refresh(${this.who})`;
}

/** Both consoles press at once; the scheduler decides which message leaves first. */
class Race implements fc.AsyncCommand<Model, Real> {
  constructor(readonly s: fc.Scheduler) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const sends = Promise.all(r.consoles.map((c) => this.s.scheduleFunction(() => send(c, { command: press, expectedVersion: c.seen }))()));
    // The scheduler releases the two sends in an order it picks (and shrinks on failure).
    await this.s.waitIdle();
    const results = await sends;
    const fresh = m.seen.filter((v) => v === m.version).length;
    const oks = results.filter((x) => x.ok);
    // However the two interleave, at most one press is applied, and one is if either saw the latest state.
    expect(oks.length).toBe(fresh > 0 ? 1 : 0);
    for (const x of results) if (!x.ok) expect(x.error.code).toBe('stale_version');
    m.version += oks.length;
    for (const c of r.consoles) c.lastSent = null;
    m.lastSentVersion = [null, null];
  }
  toString = () => 'Race';
}

describe('stale or repeated commands are refused, never applied twice', () => {
  it('matches the model under any order of presses, replays, refreshes and races', { timeout: 120_000 }, async () => {
    const who = fc.constantFrom<0 | 1>(0, 1);
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.commands([
          who.map((w) => new Press(w)),
          who.map((w) => new Replay(w)),
          who.map((w) => new Refresh(w)),
        ], { maxCommands: 12 }),
        fc.integer({ min: 1, max: 3 }),
        async (s, cmds, races) => {
          const all = [...cmds, ...Array.from({ length: races }, () => new Race(s))];
          const v = await stageVersion();
          const consoles = (await Promise.all([socketClient(server.url, server.token), socketClient(server.url, server.token)])).map(
            (socket): Console => ({ socket, seen: v, lastSent: null }),
          ) as [Console, Console];
          try {
            await fc.asyncModelRun(
              () => ({ model: { version: v, seen: [v, v], lastSentVersion: [null, null] } satisfies Model, real: { consoles } }),
              all,
            );
            const expected = await stageVersion();
            expect(expected).toBeGreaterThanOrEqual(v);
          } finally {
            consoles.forEach((c) => c.socket.close());
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
