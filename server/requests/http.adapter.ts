import type { Request, RequestHandler } from 'express';
import type { AuthService } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { bearer } from '../http/auth.middleware.ts';
import { budgetOf, type Buckets } from './budget.ts';
import { runEntry } from './dispatch.ts';
import type { RequestName, RequestTable } from './requests.ts';
import type { Entry } from './table.ts';

export type HttpRoute = {
  /** The entry a request names (an unknown one is a 404). */
  name: (req: Request) => RequestName;
  /** The entry's payload, built from the path, query and body. */
  input: (req: Request) => unknown;
  /** Live answers: never cached by a proxy or the browser. */
  noStore?: boolean;
};

/**
 * Serves a table entry at an HTTP route, through the same steps as a socket request (login, parse,
 * role and stage, work). HTTP has no connection: entries see `conn: null`.
 */
export function httpRequest(table: RequestTable, auth: AuthService, route: HttpRoute, budgets: Buckets): RequestHandler {
  return (req, res) => {
    const name = route.name(req);
    const principal = auth.verify(bearer(req));
    const e = table[name] as Entry;
    const address = req.ip ?? 'unknown';
    // Per address and request, as sockets have per connection.
    const budget = budgetOf(e.budget, principal !== null);
    if (!budgets.take(`${address} ${name}`, budget)) {
      throw new ServiceError('rate_limited', `too many ${name} requests from this address`, { retryAfterSec: Math.ceil(1 / budget.perSecond) });
    }
    // A login first, before the body is even read: HTTP callers learn they need a token.
    if (e.roles !== 'anyone' && !principal) throw new ServiceError('unauthorized', 'log in first: Authorization: Bearer <token>');
    const data = runEntry(e, name, route.input(req), { principal, conn: null, address });
    if (route.noStore) res.set('Cache-Control', 'no-store');
    res.json(data);
  };
}
