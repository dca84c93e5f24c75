import { Router, type Request } from 'express';
import { z } from 'zod';
import { COMMAND_TYPES } from '../../shared/model/action.schema.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { httpRequest } from '../requests/http.adapter.ts';
import type { RequestName, RequestTable } from '../requests/requests.ts';
import { parse } from './validate.ts';

const Envelope = z
  .object({ stage: z.string().min(1).max(64).optional(), expectedVersion: z.number().int().min(0).optional() })
  .passthrough();

const nameOf = (req: Request): RequestName => {
  const action = String(req.params.action);
  if (!(COMMAND_TYPES as string[]).includes(action)) {
    throw new ServiceError('not_found', `unknown action "${action}"; one of ${COMMAND_TYPES.join(', ')}`);
  }
  return `control:${action}` as RequestName;
};

/** The body's flat form (`stage`, `expectedVersion` and the command's own fields) as the socket's envelope. */
const inputOf = (req: Request) => {
  const { stage, expectedVersion, ...args } = parse(Envelope, req.body ?? {});
  return {
    ...(stage === undefined ? {} : { stageId: stage }),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
    command: { ...args, type: String(req.params.action) },
  };
};

/** POST /api/v1/control/:action — the same commands the consoles send, for Companion and scripts. */
export function controlRoutes(table: RequestTable, auth: AuthService): Router {
  const r = Router();
  r.post('/api/v1/control/:action', httpRequest(table, auth, { name: nameOf, input: inputOf }));
  return r;
}
