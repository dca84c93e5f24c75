import type { Socket } from 'socket.io';
import { PROTOCOL_VERSION, type Ack } from '../../shared/protocol.ts';
import { ServiceError } from '../errors.ts';

/** Wraps a handler so every failure becomes an acknowledgement with a stable code, never a crash. */
export function answer(ack: unknown, work: () => unknown): void {
  if (typeof ack !== 'function') return;
  let reply: Ack<unknown>;
  try {
    reply = { ok: true, data: work() };
  } catch (e) {
    const err = e instanceof ServiceError ? e : new ServiceError('internal', 'internal error');
    if (!(e instanceof ServiceError)) console.error('socket handler failed', e);
    reply = { ok: false, error: err.toJSON() };
  }
  (ack as (r: Ack<unknown>) => void)(reply);
}

/** Refuses a client speaking another protocol version (clients that send none are accepted). */
export function protocolRefusal(handshakeAuth: unknown): Error | null {
  const v = ((handshakeAuth ?? {}) as Record<string, unknown>).protocol;
  return v !== undefined && v !== PROTOCOL_VERSION ? new Error(`protocol_mismatch: server speaks protocol ${PROTOCOL_VERSION}`) : null;
}

/**
 * The handshake request is needed only by the middleware; a phone's socket lives for hours, and
 * dropping the request (headers, parser state) makes each idle viewer smaller.
 */
export function forgetHandshake(socket: Socket): void {
  (socket.conn as { request: unknown }).request = null;
}
