import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.ts';
import type { Principal } from '../../server/auth/auth.service.ts';
import { demoProgramme } from '../../server/demo/demo-programme.ts';
import { openDb, type Db } from '../../server/store/db.ts';
import { codeOf, expectOk } from '../support/client.ts';
import { TestHub } from '../support/socket-pair.ts';

/**
 * The request table over in-memory connections: the test decides which request the server
 * receives first, and reads exactly what each client was sent (no socket, no sleep).
 */
let db: Db;
let app: App;
let hub: TestHub;
const mc: Principal = { role: 'mc', kind: 'session', name: '', tokenId: 'test' };

beforeEach(() => {
  db = openDb(':memory:');
  app = createApp({ db, seed: () => demoProgramme(null) });
  hub = new TestHub(app.table, app.show);
});
afterEach(async () => {
  await app.close();
  db.close();
});

async function watching(feed: 'run' | 'snapshot' = 'snapshot', principal: Principal | null = null) {
  const c = hub.connect(() => principal);
  const w = c.send('stage:watch', { stageId: 'main', feed });
  c.deliverAll();
  return { c, version: expectOk(await w).version };
}

describe('requests in an order the test controls', () => {
  it.each([
    ['A first', 0],
    ['B first', 1],
  ])('two consoles pressing Next at the same moment advance exactly once (%s)', async (_, first) => {
    const viewer = await watching();
    const consoles = [await watching('run', mc), await watching('run', mc)];
    const sent = consoles.map(({ c, version }) => c.send('control', { command: { type: 'next' }, expectedVersion: version }));
    consoles[first]!.c.deliverOne();
    consoles[1 - first]!.c.deliverOne();
    const [a, b] = await Promise.all(sent);
    const winner = first === 0 ? a! : b!;
    const loser = first === 0 ? b! : a!;
    expect(expectOk(winner).version).toBe(viewer.version + 1);
    expect(codeOf(loser)).toBe('stale_version');
    // Everything the viewer was sent, not what arrived within some sleep.
    expect(viewer.c.inbox.map((m) => [m.event, m.data.version])).toEqual([['state', viewer.version + 1]]);
  });

  it('watching again with another feed or stage replaces the earlier watch', async () => {
    const screen = await watching('run');
    const again = screen.c.send('stage:watch', { stageId: 'main' });
    screen.c.deliverAll();
    expectOk(await again);
    const console_ = await watching('run', mc);
    const sent = console_.c.send('control', { command: { type: 'message', text: 'x' }, expectedVersion: console_.version });
    console_.c.deliverAll();
    expectOk(await sent);
    expect(screen.c.inbox.map((m) => m.event)).toEqual(['state']);
  });

  it('a refused watch keeps the earlier one', async () => {
    const screen = await watching('run');
    const bad = screen.c.send('stage:watch', { stageId: 'nowhere', feed: 'snapshot' });
    screen.c.deliverAll();
    expect(codeOf(await bad)).toBe('not_found');
    const console_ = await watching('run', mc);
    const sent = console_.c.send('control', { command: { type: 'message', text: 'y' }, expectedVersion: console_.version });
    console_.c.deliverAll();
    await sent;
    expect(screen.c.inbox.map((m) => [m.event, m.data.version])).toEqual([['run', screen.version + 1]]);
  });

  it('nothing runs until the request arrives: a press still in flight sees the state at delivery', async () => {
    const a = await watching('run', mc);
    const b = await watching('run', mc);
    const late = a.c.send('control', { command: { type: 'next' }, expectedVersion: a.version });
    expect(app.show.runState('main').version).toBe(a.version);
    const early = b.c.send('control', { command: { type: 'start' }, expectedVersion: b.version });
    b.c.deliverOne();
    a.c.deliverOne();
    expect(expectOk(await early).version).toBe(b.version + 1);
    expect(codeOf(await late)).toBe('stale_version');
  });
});

describe('budgets, per connection and per request', () => {
  it('answers the first request over budget with rate_limited, closes the connection and answers nothing more', async () => {
    let t = 0;
    const c = hub.connect(() => null, () => t);
    // clock:ping: a burst of 20, then 5 a second.
    const answers = Array.from({ length: 22 }, (_, i) => c.send('clock:ping', { t0: i }));
    for (let i = 0; i < 21; i++) c.deliverOne();
    const settled = await Promise.all(answers.slice(0, 21));
    expect(settled.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(codeOf(settled[20]!)).toBe('rate_limited');
    await new Promise((r) => setImmediate(r));
    expect(c.closed).toBe(true);
    t += 10_000;
    c.deliverOne();
    const late = await Promise.race([answers[21]!, new Promise((r) => setTimeout(() => r('no answer'), 50))]);
    expect(late).toBe('no answer');
  });

  it('refills with time: a client within its rate is never refused', async () => {
    let t = 0;
    const c = hub.connect(() => null, () => t);
    for (let i = 0; i < 100; i++) {
      t += 250; // 4 a second, under the 5 a second of clock:ping
      const r = c.send('clock:ping', { t0: i });
      c.deliverOne();
      expect((await r).ok).toBe(true);
    }
    expect(c.closed).toBe(false);
  });
});
