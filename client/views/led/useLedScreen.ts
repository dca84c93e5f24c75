import { useEffect, useState } from 'react';
import type { ScreenInfo } from '../../../shared/model/screen.schema.ts';
import { connect, type Connection } from '../../net/connection.ts';
import { nameFromUrl, storeScreen, storedScreen, urlWithName } from './screen-identity.ts';
import { stageOfLayout } from './layout-stage.ts';
import { useShow } from '../../store/hooks.ts';

const IDENTIFY_MS = 6000;

/** `pairingCode`: shown on the wall until a technician adds this screen in /tech. */
export type LedState = { screen: ScreenInfo | null; identifying: string | null; pairingCode: string | null };

/**
 * The LED screen's link to the server. A player the technician added registers with its id and
 * key on every (re)connect; a new one (or one that was forgotten) shows a pairing code until the
 * technician adds it. It then follows the assigned layout and watches the stage that layout needs.
 */
export function useLedScreen(): LedState {
  const [screen, setScreen] = useState<ScreenInfo | null>(null);
  const [identifying, setIdentifying] = useState<string | null>(null);
  const [pairingCode, setPairingCode] = useState<string | null>(null);
  const [conn, setConn] = useState<Connection | null>(null);
  const programme = useShow((s) => s.programme?.programme ?? null);

  useEffect(() => {
    const c = connect({});
    // The connection is the external system this effect opens; the screen's sends need it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConn(c);
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    let identifyTimer: ReturnType<typeof setTimeout> | undefined;
    const size = () => ({ width: Math.round(innerWidth), height: Math.round(innerHeight) });
    // The address bar carries the name, so the player's window says which wall it drives.
    const show = (info: ScreenInfo) => {
      setPairingCode(null);
      setScreen(info);
      if (nameFromUrl(location.search) !== (info.name || undefined)) history.replaceState(null, '', urlWithName(location.href, info.name));
    };
    const pair = () => {
      setScreen(null);
      c.socket.emit('screen:pair', size(), (r) => setPairingCode(r.ok ? r.data.code : null));
    };
    const register = () => {
      if (!c.socket.connected) return;
      const me = storedScreen();
      if (!me) {
        pair();
        return;
      }
      c.socket.emit('screen:register', { ...me, ...size() }, (r) => {
        if (!r.ok) {
          // Forgotten, or a new data folder: show a code to be added again.
          if (r.error.code === 'unauthorized') storeScreen(null);
          if (!storedScreen()) pair();
          return;
        }
        show(r.data);
      });
    };
    const onResize = () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => storedScreen() && register(), 500);
    };
    c.socket.on('connect', register);
    c.socket.on('screen:paired', (pairing) => {
      storeScreen(pairing);
      register();
    });
    c.socket.on('screen:changed', show);
    c.socket.on('screen:identified', ({ name }) => {
      setIdentifying(name);
      clearTimeout(identifyTimer);
      identifyTimer = setTimeout(() => setIdentifying(null), IDENTIFY_MS);
    });
    c.socket.on('screen:forgotten', () => {
      storeScreen(null);
      pair();
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

  return { screen, identifying, pairingCode };
}
