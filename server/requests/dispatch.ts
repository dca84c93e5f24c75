import { COMMAND_TYPES } from '../../shared/model/action.schema.ts';
import { ControlRequest, type WireRequest } from '../../shared/protocol.ts';
import type { Principal } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { parse } from '../http/validate.ts';
import type { RequestName, ServedTable } from './requests.ts';
import { mayRequest, type Entry, type RequestContext } from './table.ts';

/** The entry a socket event names: the event itself, or for `control` the command it carries. */
export function requestNameOf(wire: WireRequest, req: unknown): RequestName | null {
  if (wire !== 'control') return wire;
  const type = (req as { command?: { type?: unknown } } | null)?.command?.type;
  return typeof type === 'string' && (COMMAND_TYPES as string[]).includes(type) ? (`control:${type}` as RequestName) : null;
}

/**
 * The steps every request takes, whatever the transport: a login when the entry needs one, the
 * payload parsed, the role and stage checked, then the work. Nothing runs on a refused request.
 */
export function runEntry(e: Entry, name: string, payload: unknown, ctx: RequestContext): unknown {
  if (e.roles !== 'anyone' && !ctx.principal) throw new ServiceError('unauthorized', 'log in first');
  const req = parse(e.schema, payload);
  const target = e.stage ? e.stage(req) : null;
  const verdict = mayRequest(ctx.principal, e.roles, target);
  if (verdict === 'unauthorized') throw new ServiceError('unauthorized', 'log in first');
  if (verdict === 'forbidden') throw new ServiceError('forbidden', `role ${ctx.principal?.role} may not ${name}${target ? ` on stage ${target}` : ''}`);
  return e.run(req, ctx);
}

/** Finds the entry for a socket event; an unknown command is a bad request, an unserved one a refusal. */
export function entryFor(table: ServedTable, wire: WireRequest, req: unknown, principal: Principal | null, unserved: (wire: WireRequest) => ServiceError): { name: RequestName; entry: Entry } {
  const name = requestNameOf(wire, req);
  if (name === null) {
    if (!table['control:next']) throw unserved(wire);
    if (!principal) throw new ServiceError('unauthorized', 'log in first');
    parse(ControlRequest, req);
    throw new ServiceError('bad_request', 'command.type: unknown command');
  }
  const e = table[name] as Entry | undefined;
  if (!e) throw unserved(wire);
  return { name, entry: e };
}
