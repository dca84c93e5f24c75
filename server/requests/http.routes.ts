import { Router, type Request } from 'express';
import { z } from 'zod';
import { COMMAND_TYPES } from '../../shared/model/action.schema.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { parse } from '../http/validate.ts';
import { buckets } from './budget.ts';
import { httpRequest } from './http.adapter.ts';
import type { RequestName, RequestTable } from './requests.ts';

const Envelope = z
  .object({ stage: z.string().min(1).max(120).optional(), expectedVersion: z.number().int().min(0).optional() })
  .loose();

const controlName = (req: Request): RequestName => {
  const action = String(req.params.action);
  if (!(COMMAND_TYPES as string[]).includes(action)) {
    throw new ServiceError('not_found', `unknown action "${action}"; one of ${COMMAND_TYPES.join(', ')}`);
  }
  return `control:${action}` as RequestName;
};

/** The body's flat form (`stage`, `expectedVersion` and the command's own fields) as the socket's envelope. */
const controlInput = (req: Request) => {
  const { stage, expectedVersion, ...args } = parse(Envelope, req.body ?? {});
  return {
    ...(stage === undefined ? {} : { stageId: stage }),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
    command: { ...args, type: String(req.params.action) },
  };
};

/** Where each entry is served over HTTP (docs/api.md's role table lists these; the role tests call them). */
export function httpRouteOf(name: RequestName): string | null {
  if (name.startsWith('control:')) return `POST /api/v1/control/${name.slice('control:'.length)}`;
  return HTTP_ROUTES[name as keyof typeof HTTP_ROUTES] ?? null;
}
const HTTP_ROUTES = {
  'screens:watch': 'GET /api/v1/screens',
  'screen:assign': 'POST /api/v1/screens/:id/layout',
  'screen:restore': 'POST /api/v1/screens/:id/restore',
} as const satisfies Partial<Record<RequestName, string>>;
const pathOf = (name: keyof typeof HTTP_ROUTES) => HTTP_ROUTES[name].split(' ')[1] ?? '';

const screensOf = (req: Request) => (req.params.id === 'all' ? 'all' : [String(req.params.id)]);

/**
 * The table's entries at their HTTP routes (docs/api.md, docs/companion.md), for Companion buttons
 * and scripts:
 * - POST /api/v1/control/:action — the same commands the consoles send;
 * - GET /api/v1/screens, POST /api/v1/screens/:id/layout (body: a layout; `all` for every screen),
 *   POST /api/v1/screens/:id/restore (clear a blackout) — the technician console's commands.
 */
export function requestRoutes(table: RequestTable, auth: AuthService): Router {
  const r = Router();
  const budgets = buckets();
  const serve = (route: Parameters<typeof httpRequest>[2]) => httpRequest(table, auth, route, budgets);
  r.post('/api/v1/control/:action', serve({ name: controlName, input: controlInput }));
  r.get(pathOf('screens:watch'), serve({ name: () => 'screens:watch', input: () => ({}), noStore: true }));
  r.post(pathOf('screen:assign'), serve({ name: () => 'screen:assign', input: (req) => ({ screens: screensOf(req), layout: (req.body as unknown) ?? {} }) }));
  r.post(pathOf('screen:restore'), serve({ name: () => 'screen:restore', input: (req) => ({ screens: screensOf(req) }) }));
  return r;
}
