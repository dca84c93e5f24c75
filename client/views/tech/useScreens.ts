import { useEffect, useState } from 'react';
import type { ScreenInfo } from '../../../shared/model/screen.schema.ts';
import type { Ack, Payload, Replies } from '../../../shared/protocol.ts';
import { NOT_SENT, request } from '../../net/request.ts';
import { connect, type Connection } from '../../net/connection.ts';

export type ScreenCommand = 'screen:confirm' | 'screen:assign' | 'screen:restore' | 'screen:rename' | 'screen:identify' | 'screen:forget';

/**
 * The technician's live list of screens. The socket also follows every stage, so each preview
 * shows the live show of the stage its screen is assigned to; every command is answered by the server or reported as not sent.
 */
export function useScreens(token: string) {
  const [screens, setScreens] = useState<ScreenInfo[]>([]);
  const [conn, setConn] = useState<Connection | null>(null);
  useEffect(() => {
    const c = connect({ token, allStages: true });
    // The connection is the external system this effect opens; the technician's sends need it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConn(c);
    c.socket.on('connect', () => {
      c.socket.emit('screens:watch', {}, (r) => {
        if (r.ok) setScreens(r.data);
      });
    });
    c.socket.on('screens:changed', setScreens);
    return () => c.close();
  }, [token]);

  async function send<E extends ScreenCommand>(event: E, req: Payload<E>): Promise<Ack<Replies[E]>> {
    return conn ? request(conn.socket, event, req) : NOT_SENT;
  }

  return { screens, send };
}
