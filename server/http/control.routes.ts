import { Router } from 'express';
import { z } from 'zod';
import { Command, COMMAND_TYPES } from '../../shared/model/action.schema.ts';
import { actorOf, mayControl, type AuthService } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import type { ShowService } from '../show/show.service.ts';
import { principalOf, requireRole } from './auth.middleware.ts';
import { parse } from './validate.ts';

const Envelope = z
  .object({ stage: z.string().min(1).max(64).optional(), expectedVersion: z.number().int().min(0).optional() })
  .passthrough();

/** POST /api/v1/control/:action — the same commands the consoles send, for Companion and scripts. */
export function controlRoutes(show: ShowService, auth: AuthService): Router {
  const r = Router();
  r.post('/api/v1/control/:action', requireRole(auth, ['admin', 'mc', 'technician']), (req, res) => {
    const action = String(req.params.action);
    if (!(COMMAND_TYPES as string[]).includes(action)) {
      throw new ServiceError('not_found', `unknown action "${action}"; one of ${COMMAND_TYPES.join(', ')}`);
    }
    const { stage, expectedVersion, ...args } = parse(Envelope, req.body ?? {});
    const command = parse(Command, { ...args, type: action });
    const principal = principalOf(res);
    if (!mayControl(principal.role, command.type)) throw new ServiceError('forbidden', `role ${principal.role} may not ${action}`);
    res.json(show.control(stage, command, expectedVersion, actorOf(principal)));
  });
  return r;
}
