import { useEffect, useState } from 'react';
import type { ScreenInfo } from '../../../shared/model/screen.schema.ts';
import type { Ack, ClientToServerEvents } from '../../../shared/protocol.ts';
import { connect, type Connection } from '../../net/connection.ts';

export type ScreenCommand = 'screen:assign' | 'screen:restore' | 'screen:rename' | 'screen:identify' | 'screen:forget';
type Data<E extends ScreenCommand> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

/**
 * The technician's live list of screens. The socket also watches the first stage, so previews
 * show the live show; every command is answered by the server or reported as not sent.
 */
export function useScreens(token: string) {
  const [screens, setScreens] = useState<ScreenInfo[]>([]);
  const [conn, setConn] = useState<Connection | null>(null);
  useEffect(() => {
    const c = connect({ token });
    // The connection is the external system this effect opens; the technician's sends need it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConn(c);
    c.socket.on('connect', () => {
      c.socket.emit('screens:watch', {}, (r: Ack<ScreenInfo[]>) => {
        if (r.ok) setScreens(r.data);
      });
    });
    c.socket.on('screens', setScreens);
    return () => c.close();
  }, [token]);

  async function send<E extends ScreenCommand>(event: E, req: unknown): Promise<Ack<Data<E>>> {
    if (!conn?.socket.connected) return { ok: false, error: { code: 'offline', message: 'not connected; the command was not sent' } };
    try {
      // The event maps type each payload as unknown (the server validates), so one cast covers all commands.
      const timed = conn.socket.timeout(8000) as unknown as { emitWithAck(event: ScreenCommand, req: unknown): Promise<unknown> };
      return (await timed.emitWithAck(event, req)) as Ack<Data<E>>;
    } catch {
      return { ok: false, error: { code: 'timeout', message: 'no answer from the server' } };
    }
  }

  return { screens, send };
}
