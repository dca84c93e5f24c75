import { useEffect, useRef } from 'react';
import { connect, type Connection } from './connection.ts';

/**
 * Opens the socket for a view while it is mounted and watches one stage (the first when omitted).
 * A new token (login, logout) reconnects so the server sees the new credentials.
 */
export function useConnection(stageId: string | undefined, token?: string): React.RefObject<Connection | null> {
  const ref = useRef<Connection | null>(null);
  useEffect(() => {
    const c = connect({ stageId, token });
    ref.current = c;
    return () => {
      c.close();
      ref.current = null;
    };
    // The stage is switched in place below; only credentials need a new socket.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  useEffect(() => {
    ref.current?.watch(stageId);
  }, [stageId]);
  return ref;
}
