import { useEffect, useState } from 'react';

export type StoreTrouble = 'read_only' | 'disk_full' | 'damaged' | 'io_error';

/**
 * Asks /healthz every `everyMs` whether the server's store takes writes. A console learns that
 * its presses cannot be saved before the MC presses, not from the first failed Next. An unreachable
 * server is not reported here: the connection badge already says so.
 */
export function useStoreHealth(everyMs = 10_000): StoreTrouble | null {
  const [trouble, setTrouble] = useState<StoreTrouble | null>(null);
  useEffect(() => {
    let alive = true;
    const check = async () => {
      try {
        const r = await fetch('/healthz', { cache: 'no-store' });
        const body = (await r.json()) as { store?: { ok: boolean; code?: StoreTrouble } };
        if (alive) setTrouble(body.store && !body.store.ok ? (body.store.code ?? 'io_error') : null);
      } catch {
        // Offline: leave it to the connection badge.
      }
    };
    void check();
    const timer = setInterval(() => void check(), everyMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [everyMs]);
  return trouble;
}
