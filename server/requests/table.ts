import type { z } from 'zod';
import type { Feed, Role } from '../../shared/protocol.ts';
import type { Principal } from '../auth/auth.service.ts';

/**
 * How often one connection may send a request: a token bucket that holds `burst` tokens and gains
 * `perSecond` a second. The adapters enforce it per connection and per request.
 */
export type Budget = { perSecond: number; burst: number };

/**
 * What a request may do to the connection it came on. Sockets have one; HTTP has none (a request
 * that needs one, such as watching a stage, is socket-only).
 */
export interface RequestConnection {
  /** Receive every change of this stage in this feed from now on (replacing an earlier watch). */
  watch(stageId: string, feed: Feed): void;
  /** The feed this connection watches, if any. */
  feed(): Feed | null;
  join(room: string): void;
  leave(room: string): void;
  /** What requests keep about this connection: the screen it drives, if it registered as one. */
  readonly data: { screenId?: string };
  /** Runs once when the connection closes. */
  onClose(fn: () => void): void;
}

export type RequestContext = {
  principal: Principal | null;
  conn: RequestConnection | null;
  /** The address the request came from (rate limits per address). */
  address: string;
};

/** Who may send a request: anyone, or a logged-in principal of one of these roles. */
export type Roles = 'anyone' | readonly Role[];

export type Entry<S extends z.ZodType = z.ZodType, R = unknown> = {
  /** Parses the payload; nothing runs on input it refuses. */
  schema: S;
  roles: Roles;
  /** The stage the request acts on (resolved: the first stage when it names none), for principals limited to some stages. */
  stage?(req: z.output<S>): string;
  budget: Budget;
  // Methods (not function properties), so a table of entries of different schemas fits one type.
  run(req: z.output<S>, ctx: RequestContext): R;
};

/** Builds an entry with its schema's types flowing into `run` and `stage`. */
export const entry = <S extends z.ZodType, R>(e: Entry<S, R>): Entry<S, R> => e;

export type Verdict = 'ok' | 'unauthorized' | 'forbidden';

/**
 * The one rule of who may do what: a principal's role must be among the request's roles, and a
 * principal limited to some stages may act only on those.
 */
export function mayRequest(who: Pick<Principal, 'role' | 'stages'> | null, roles: Roles, targetStage: string | null): Verdict {
  if (roles === 'anyone') return 'ok';
  if (!who) return 'unauthorized';
  if (!roles.includes(who.role)) return 'forbidden';
  if (who.stages !== undefined && targetStage !== null && !who.stages.includes(targetStage)) return 'forbidden';
  return 'ok';
}
