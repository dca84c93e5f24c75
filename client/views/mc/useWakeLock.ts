import { useEffect, useState } from 'react';

type Sentinel = { release(): Promise<void>; addEventListener(type: 'release', cb: () => void): void };
type WakeLockApi = { request(type: 'screen'): Promise<Sentinel> };

/**
 * Keeps a tablet's screen on while the console is open (Wake Lock API where the browser has it).
 * The browser drops the lock whenever the page is hidden, so it is asked for again on return.
 */
export function useWakeLock(): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    const api = (navigator as Navigator & { wakeLock?: WakeLockApi }).wakeLock;
    if (!api) return;
    let sentinel: Sentinel | null = null;
    let closed = false;
    const acquire = async () => {
      if (document.visibilityState !== 'visible' || sentinel) return;
      try {
        const s = await api.request('screen');
        if (closed) return void s.release();
        sentinel = s;
        setHeld(true);
        s.addEventListener('release', () => {
          sentinel = null;
          setHeld(false);
        });
      } catch {
        // Refused (battery saver, no user gesture yet): retried on the next visibility change or tap.
      }
    };
    const onEvent = () => void acquire();
    onEvent();
    document.addEventListener('visibilitychange', onEvent);
    document.addEventListener('pointerdown', onEvent);
    return () => {
      closed = true;
      document.removeEventListener('visibilitychange', onEvent);
      document.removeEventListener('pointerdown', onEvent);
      void sentinel?.release();
    };
  }, []);
  return held;
}
