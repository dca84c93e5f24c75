import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessageKey, type MessageKey, type Params } from '../../../shared/i18n/index.ts';
import type { Command } from '../../../shared/model/action.schema.ts';
import type { Ack, RunState } from '../../../shared/protocol.ts';
import { isRepeatPress, pressGroup, type LastPress } from './mc-display.ts';

export type Send = (command: Command) => Promise<Ack<RunState>>;
/**
 * A notice is kept as a message key (and its parameters), not as text, so it reads in whatever
 * language the console shows when it is drawn. Only an error the client has no key for keeps the
 * server's own words.
 */
export type Notice = { tone: 'stale' | 'refused' | 'offline'; key: MessageKey | null; params?: Params; text: string; seq: number };

const NOTICE_MS = 3500;

/**
 * One press, one command: sends with the version on screen, and turns every refusal into a short
 * visible notice. Nothing is retried or queued; a press while offline is refused on the spot.
 */
export function useControl(send: Send) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const last = useRef<LastPress | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice((n) => (n?.seq === notice.seq ? null : n)), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const show = useCallback((tone: Notice['tone'], key: MessageKey | null, text = '') => {
    seq.current += 1;
    setNotice({ tone, key, text, seq: seq.current });
  }, []);

  const press = useCallback(
    async (command: Command): Promise<boolean> => {
      const pressedAt = Date.now();
      if (isRepeatPress(last.current, command.type, pressedAt)) {
        show('stale', 'error.stale_version');
        return false;
      }
      const r = await send(command);
      if (r.ok) {
        const group = pressGroup(command.type);
        last.current = group === null ? last.current : { group, at: Date.now() };
        setNotice(null);
        return true;
      }
      const code = r.error.code;
      if (code === 'stale_version') show('stale', 'error.stale_version');
      else if (code === 'offline') show('offline', 'error.offline');
      else {
        show('refused', errorMessageKey(code), r.error.message);
      }
      return false;
    },
    [send, show],
  );

  return { press, notice, dismiss: () => setNotice(null) };
}
