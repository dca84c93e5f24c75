import { Router, type Request } from 'express';
import type { AuthService } from '../auth/auth.service.ts';
import { httpRequest } from '../requests/http.adapter.ts';
import type { RequestTable } from '../requests/requests.ts';

const targetOf = (req: Request) => (req.params.id === 'all' ? 'all' : [String(req.params.id)]);

/**
 * The same screen commands as the technician console, for Companion buttons and scripts:
 * GET /api/v1/screens, POST /api/v1/screens/:id/layout (body: a layout; `all` for every screen),
 * POST /api/v1/screens/:id/restore (clear a blackout).
 */
export function screensRoutes(table: RequestTable, auth: AuthService): Router {
  const r = Router();
  r.get('/api/v1/screens', httpRequest(table, auth, { name: () => 'screens:watch', input: () => ({}), noStore: true }));
  r.post('/api/v1/screens/:id/layout', httpRequest(table, auth, { name: () => 'screen:assign', input: (req) => ({ screens: targetOf(req), layout: req.body ?? {} }) }));
  r.post('/api/v1/screens/:id/restore', httpRequest(table, auth, { name: () => 'screen:restore', input: (req) => ({ screens: targetOf(req) }) }));
  return r;
}
