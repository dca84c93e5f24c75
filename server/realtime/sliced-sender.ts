/**
 * Sends one value to a large audience a slice at a time, letting the event loop turn between
 * slices: control acknowledgements, clock pings and new viewers then wait for one slice, not for
 * ten thousand sockets.
 *
 * Values are whole states (snapshots), so a newer one for the same key takes over the pass still
 * under way: it goes on from the member the older one would have reached next, round the whole
 * audience, and the rest of the older one is dropped. Every member receives versions in order, the
 * members at the end of the list are never starved by a quick succession of changes, and nobody
 * waits behind a state that is already stale.
 */
export type SliceTarget<T> = {
  /** Who should receive a value for `key`, fixed when the value arrives. */
  members(key: string): string[];
  send(ids: string[], value: T): void;
};

type Pass<T> = { value: T; ids: string[]; at: number; left: number };

export function slicedSender<T>(
  target: SliceTarget<T>,
  slice: number,
  defer: (fn: () => void) => void = (fn) => void setImmediate(fn),
): (key: string, value: T) => void {
  const passes = new Map<string, Pass<T>>();
  const step = (key: string) => {
    const p = passes.get(key);
    if (!p) return;
    const n = Math.min(slice, p.left);
    const ids = p.ids.slice(p.at, p.at + n);
    if (ids.length < n) ids.push(...p.ids.slice(0, n - ids.length));
    p.at = (p.at + n) % Math.max(1, p.ids.length);
    p.left -= n;
    if (p.left <= 0) passes.delete(key);
    else defer(() => step(key));
    if (ids.length > 0) target.send(ids, p.value);
  };
  return (key, value) => {
    const old = passes.get(key);
    const ids = target.members(key);
    const next = old ? old.ids[old.at] : undefined;
    const at = next === undefined ? 0 : Math.max(0, ids.indexOf(next));
    passes.set(key, { value, ids, at, left: ids.length });
    // A pass already scheduled carries the newer value from its next turn on.
    if (!old) step(key);
  };
}
