import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, Payload, Replies, ServerToClientEvents, WireRequest } from '../../shared/protocol.ts';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const NOT_SENT: Ack<never> = { ok: false, error: { code: 'offline', message: 'not connected; the command was not sent' } };
export const NO_ANSWER: Ack<never> = { ok: false, error: { code: 'timeout', message: 'no answer from the server' } };

/** One request with its typed payload and reply; refused at once when offline (never queued). */
export async function request<E extends WireRequest>(socket: AppSocket, event: E, req: Payload<E>, timeoutMs = 8000): Promise<Ack<Replies[E]>> {
  if (!socket.connected) return NOT_SENT;
  // socket.io resolves its event types one literal event at a time; for a generic `E` the map is
  // seen through the per-event signature, which is exactly what this function's own type says.
  const timed = socket.timeout(timeoutMs);
  const emit = timed.emitWithAck.bind(timed) as (event: E, req: Payload<E>) => Promise<Ack<Replies[E]>>;
  try {
    return await emit(event, req);
  } catch {
    return NO_ANSWER;
  }
}
