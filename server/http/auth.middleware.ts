import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../../shared/protocol.ts';
import type { AuthService, Principal } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';

export function bearer(req: Request): string | undefined {
  const h = req.get('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

export function requireRole(auth: AuthService, roles: readonly Role[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const principal = auth.verify(bearer(req));
    if (!principal) {
      next(new ServiceError('unauthorized', 'log in first: Authorization: Bearer <token>'));
      return;
    }
    if (!roles.includes(principal.role)) {
      next(new ServiceError('forbidden', `role ${principal.role} may not do this`));
      return;
    }
    res.locals.principal = principal;
    next();
  };
}

export const principalOf = (res: Response) => res.locals.principal as Principal;
