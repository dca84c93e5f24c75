import type { Socket } from 'socket.io-client';
import { request } from '../../client/net/request.ts';
import type { Ack, ClientToServerEvents, Payload, Replies, RunState, ServerToClientEvents, Snapshot, WireRequest } from '../../shared/protocol.ts';

/** A socket.io client typed by the protocol's event maps: payloads and replies checked at compile time. */
export type TypedClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A request with its typed payload; the reply typed by the request. */
export const ask = <E extends WireRequest>(c: TypedClient, event: E, req: Payload<E>, timeoutMs = 5000): Promise<Ack<Replies[E]>> =>
  request(c, event, req, timeoutMs);

/** A payload the types would refuse, as a buggy or hostile client sends it: the server must refuse it too. */
export function askRaw(c: TypedClient, event: string, req: unknown, timeoutMs = 5000): Promise<Ack<unknown>> {
  const emit = c.timeout(timeoutMs).emitWithAck.bind(c) as (event: string, req: unknown) => Promise<Ack<unknown>>;
  return emit(event, req);
}

export { expectOk } from './ack.ts';
import { expectOk } from './ack.ts';

/** The error code of a refused request, or null when it was accepted. */
export const codeOf = (r: Ack<unknown>): string | null => (r.ok ? null : r.error.code);

/** A run state with every figure derived (the default feed's answer). */
export const isSnapshot = (s: RunState): s is Snapshot => 'phase' in s && 'segments' in s;

/** Watches a stage on the default feed and returns the snapshot it answers. */
export async function watchSnapshot(c: TypedClient, stageId?: string): Promise<Snapshot> {
  const s = expectOk(await ask(c, 'stage:watch', stageId === undefined ? {} : { stageId }));
  if (!isSnapshot(s)) throw new Error('stage:watch on the default feed answered without the derived figures');
  return s;
}

/** The next `event` the server sends this client. */
export function nextEvent<E extends keyof ServerToClientEvents>(c: TypedClient, event: E, timeoutMs = 3000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  type P = Parameters<ServerToClientEvents[E]>[0];
  return new Promise<P>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const on = c.once.bind(c) as (event: E, fn: (p: P) => void) => void;
    on(event, (p) => {
      clearTimeout(t);
      resolve(p);
    });
  });
}
