/**
 * Sends one value to a large audience a slice at a time, letting the event loop turn between
 * slices: control acknowledgements, clock pings and new viewers then wait for one slice, not for
 * ten thousand sockets. Values are whole states (snapshots), so a newer one for the same key
 * replaces whatever of an older one is still unsent and starts again from the first slice: every
 * member receives versions in order, and none waits behind a state that is already stale.
 */
export type SliceTarget<T> = {
  /** Who should receive a value for `key`, fixed when the value arrives. */
  members(key: string): string[];
  send(ids: string[], value: T): void;
};

export function slicedSender<T>(
  target: SliceTarget<T>,
  slice: number,
  defer: (fn: () => void) => void = (fn) => void setImmediate(fn),
): (key: string, value: T) => void {
  const pending = new Map<string, { value: T; ids: string[]; from: number }>();
  const step = (key: string) => {
    const p = pending.get(key);
    if (!p) return;
    const ids = p.ids.slice(p.from, p.from + slice);
    p.from += slice;
    if (p.from >= p.ids.length) pending.delete(key);
    else defer(() => step(key));
    if (ids.length > 0) target.send(ids, p.value);
  };
  return (key, value) => {
    const inFlight = pending.has(key);
    pending.set(key, { value, ids: target.members(key), from: 0 });
    // A chain already scheduled picks the newer value up at its next turn.
    if (!inFlight) step(key);
  };
}
