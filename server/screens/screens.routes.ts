import { Router } from 'express';
import { Layout, ScreenId } from '../../shared/model/screen.schema.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { requireRole } from '../http/auth.middleware.ts';
import { parse } from '../http/validate.ts';
import { SCREEN_ROLES } from './screens.handlers.ts';
import type { ScreensService, Targets } from './screens.service.ts';

const targetOf = (param: unknown): Targets => (param === 'all' ? 'all' : [parse(ScreenId, param)]);

/**
 * The same screen commands as the technician console, for Companion buttons and scripts:
 * GET /api/v1/screens, POST /api/v1/screens/:id/layout (body: a layout; `all` for every screen),
 * POST /api/v1/screens/:id/restore (clear a blackout).
 */
export function screensRoutes(screens: ScreensService, auth: AuthService): Router {
  const r = Router();
  const guard = requireRole(auth, SCREEN_ROLES);
  r.get('/api/v1/screens', guard, (_req, res) => {
    res.set('Cache-Control', 'no-store').json(screens.list());
  });
  r.post('/api/v1/screens/:id/layout', guard, (req, res) => {
    const targets = targetOf(req.params.id);
    res.json(screens.assign(targets, parse(Layout, req.body ?? {})));
  });
  r.post('/api/v1/screens/:id/restore', guard, (req, res) => {
    res.json(screens.restore(targetOf(req.params.id)));
  });
  return r;
}
