import { describe, expect, it } from 'vitest';
import { slicedSender } from '../../server/realtime/sliced-sender.ts';

/** A hand-driven event loop: deferred steps run only when the test turns it. */
function harness(audience: string[], slice: number) {
  const queue: (() => void)[] = [];
  const calls: { ids: string[]; value: number }[] = [];
  let members = audience;
  const send = slicedSender<number>(
    { members: () => [...members], send: (ids, value) => calls.push({ ids, value }) },
    slice,
    (fn) => queue.push(fn),
  );
  const turn = () => queue.splice(0).forEach((fn) => fn());
  const received = (id: string) => calls.filter((c) => c.ids.includes(id)).map((c) => c.value);
  return { send, turn, calls, queue, received, setMembers: (m: string[]) => (members = m) };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);

describe('slicedSender', () => {
  it('sends a small audience everything at once, without deferring', () => {
    const h = harness(ids(3), 5);
    h.send('main', 1);
    expect(h.calls).toEqual([{ ids: ['s0', 's1', 's2'], value: 1 }]);
    expect(h.queue).toHaveLength(0);
  });

  it('sends a large audience one slice per turn of the loop, each member exactly once', () => {
    const h = harness(ids(7), 3);
    h.send('main', 1);
    expect(h.calls.map((c) => c.ids)).toEqual([['s0', 's1', 's2']]);
    h.turn();
    h.turn();
    h.turn();
    expect(h.calls.map((c) => c.ids)).toEqual([['s0', 's1', 's2'], ['s3', 's4', 's5'], ['s6']]);
    for (const id of ids(7)) expect(h.received(id)).toEqual([1]);
  });

  it('replaces an older state still being sent: everyone gets the newest, in order, nobody the old one after it', () => {
    const h = harness(ids(7), 3);
    h.send('main', 1);
    h.send('main', 2);
    for (let i = 0; i < 5; i++) h.turn();
    for (const id of ids(7)) {
      const got = h.received(id);
      expect(got.at(-1)).toBe(2);
      expect([...got].sort()).toEqual(got);
    }
    // Only the first slice had the old state before the new one arrived.
    expect(h.received('s6')).toEqual([2]);
    expect(h.received('s0')).toEqual([1, 2]);
  });

  it('never starves the end of the audience: a newer state goes on from where the older one stopped', () => {
    const h = harness(ids(7), 3);
    h.send('main', 1);
    for (let v = 2; v <= 6; v++) {
      h.turn();
      h.send('main', v);
    }
    // A state arrived on every turn; a restart from the first slice would never have reached s6.
    expect(h.received('s6').length).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) h.turn();
    for (const id of ids(7)) {
      const got = h.received(id);
      expect(got.at(-1)).toBe(6);
      expect([...got].sort()).toEqual(got);
    }
  });

  it('keeps keys apart: another stage\'s chain neither delays nor replaces this one', () => {
    const h = harness(ids(4), 2);
    h.send('main', 1);
    h.send('hall', 9);
    h.turn();
    expect(h.calls.map((c) => c.value)).toEqual([1, 9, 1, 9]);
  });

  it('fixes the audience when a state arrives: later joiners are not sent it (they get a snapshot on watch)', () => {
    const h = harness(ids(4), 2);
    h.send('main', 1);
    h.setMembers([...ids(4), 'late']);
    h.turn();
    expect(h.received('late')).toEqual([]);
  });
});
