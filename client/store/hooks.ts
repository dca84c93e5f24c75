import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { showStore, type ShowState } from './show.store.ts';

export function useShow<T>(selector: (s: ShowState) => T): T {
  return useStore(showStore, selector);
}

/**
 * The server clock as this device estimates it, refreshed every animation frame (or at `everyMs`
 * for views that need less). Countdowns are computed from it, never from ticks sent by the server.
 */
export function useServerNow(everyMs = 0): number {
  const offset = useShow((s) => s.offsetMs);
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    let raf = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => setNow(Date.now() + showStore.getState().offsetMs);
    if (everyMs > 0) timer = setInterval(tick, everyMs);
    else {
      const loop = () => {
        tick();
        raf = requestAnimationFrame(loop);
      };
      raf = requestAnimationFrame(loop);
    }
    return () => {
      cancelAnimationFrame(raf);
      if (timer) clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}
