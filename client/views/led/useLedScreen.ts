import { useEffect, useState } from 'react';
import type { ScreenInfo } from '../../../shared/model/screen.schema.ts';
import type { Ack } from '../../../shared/protocol.ts';
import { connect, type Connection } from '../../net/connection.ts';
import { nameFromUrl, storeScreenId, storedScreenId, urlWithName } from './screen-identity.ts';
import { stageOfLayout } from './layout-stage.ts';
import { useShow } from '../../store/hooks.ts';

const IDENTIFY_MS = 6000;

export type LedState = { screen: ScreenInfo | null; identifying: string | null };

/**
 * The LED screen's link to the server: registers on every (re)connect with its size, follows the
 * assigned layout and watches the stage that layout needs. socket.io reconnects with backoff;
 * the shared connection resyncs the snapshot and the clock after each reconnect.
 */
export function useLedScreen(): LedState {
  const [screen, setScreen] = useState<ScreenInfo | null>(null);
  const [identifying, setIdentifying] = useState<string | null>(null);
  const [conn, setConn] = useState<Connection | null>(null);
  const programme = useShow((s) => s.programme?.programme ?? null);

  useEffect(() => {
    const c = connect({});
    // The connection is the external system this effect opens; the screen's sends need it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConn(c);
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    let identifyTimer: ReturnType<typeof setTimeout> | undefined;
    const register = () => {
      if (!c.socket.connected) return;
      const id = storedScreenId();
      const name = nameFromUrl(location.search);
      const req = { width: Math.round(innerWidth), height: Math.round(innerHeight), ...(id ? { screenId: id } : {}), ...(name ? { name } : {}) };
      c.socket.emit('screen:register', req, (r: Ack<ScreenInfo>) => {
        if (!r.ok) {
          // A code the server no longer knows (forgotten, new data folder): start afresh.
          if (id) {
            storeScreenId(null);
            register();
          }
          return;
        }
        storeScreenId(r.data.id);
        setScreen(r.data);
      });
    };
    const onResize = () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(register, 500);
    };
    c.socket.on('connect', register);
    c.socket.on('screen:layout', (info) => {
      setScreen(info);
      if (nameFromUrl(location.search) !== (info.name || undefined)) history.replaceState(null, '', urlWithName(location.href, info.name));
    });
    c.socket.on('screen:identified', ({ name }) => {
      setIdentifying(name);
      clearTimeout(identifyTimer);
      identifyTimer = setTimeout(() => setIdentifying(null), IDENTIFY_MS);
    });
    c.socket.on('screen:forgotten', () => {
      storeScreenId(null);
      register();
    });
    addEventListener('resize', onResize);
    return () => {
      removeEventListener('resize', onResize);
      clearTimeout(resizeTimer);
      clearTimeout(identifyTimer);
      c.close();
    };
  }, []);

  const stageId = screen && programme ? stageOfLayout(screen.layout, programme) : undefined;
  useEffect(() => {
    conn?.watch(stageId);
  }, [conn, stageId]);

  return { screen, identifying };
}
