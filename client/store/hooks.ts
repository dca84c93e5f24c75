import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { nextTurn } from './next-turn.ts';
import { serverNow, showStore, type ShowState } from './show.store.ts';

export function useShow<T>(selector: (s: ShowState) => T): T {
  return useStore(showStore, selector);
}

/**
 * The server clock as this device estimates it, refreshed every `everyMs`. Countdowns are computed
 * from it, never from ticks sent by the server. Views that must turn a second at the exact frame
 * use `useFrameNow`.
 */
export function useServerNow(everyMs: number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Wake this much before a turn and watch frames from there: a timer may fire a few ms late. */
const LEAD_MS = 40;

/**
 * The server clock for a view that draws from it. The view renders again only when `keyAt` — what
 * it would show, as a string — turns: the hook finds the instant of the next turn, sleeps until just
 * before it, then watches animation frames, so the second turns at the same frame on every screen
 * while an idle tablet or timer does nothing in between. (A render every frame kept the main thread
 * busy 60–84 ms a second and rewrote the console's inputs sixty times a second; a bare frame loop
 * alone costs headless Chromium 18–33 ms a second: bench/view-cpu.ts.)
 */
export function useFrameNow(keyAt: (now: number) => string): number {
  const offset = useShow((s) => s.offsetMs);
  const [frame, setFrame] = useState(() => ({ keyAt, offset, now: serverNow() }));
  // New state or a new clock estimate draws at this render's clock, not at the last turn's.
  let current = frame;
  if (frame.keyAt !== keyAt || frame.offset !== offset) {
    current = { keyAt, offset, now: serverNow() };
    setFrame(current);
  }
  useEffect(() => {
    const drawn = frame.keyAt(frame.now);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let raf = 0;
    // Turns are noticed in animation frames only, never in a timer: every screen on the device
    // then draws a turn in the same frame, whichever woke it.
    const check = () => {
      const t = serverNow();
      if (frame.keyAt(t) !== drawn) {
        setFrame({ ...frame, now: t });
        return;
      }
      const wait = nextTurn(frame.keyAt, t, drawn) - t - LEAD_MS;
      if (wait > 0) timer = setTimeout(() => (raf = requestAnimationFrame(check)), wait);
      else raf = requestAnimationFrame(check);
    };
    raf = requestAnimationFrame(check);
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(raf);
    };
  }, [frame]);
  return current.now;
}
