import { Router } from 'express';
import { z } from 'zod';
import { Role } from '../../shared/protocol.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { bearer, requireRole } from './auth.middleware.ts';
import { parse } from './validate.ts';

const Login = z.object({ password: z.string().min(1).max(200) }).strict();
const SetPassword = z.object({ role: Role, password: z.string().min(8).max(200) }).strict();
const NewToken = z.object({ name: z.string().trim().min(1).max(80), role: Role.default('mc') }).strict();

export function authRoutes(auth: AuthService): Router {
  const r = Router();
  r.post('/api/v1/login', async (req, res) => {
    const { password } = parse(Login, req.body);
    const s = await auth.login(password, req.ip ?? 'unknown');
    res.json({ token: s.token, role: s.role, expiresAt: s.expiresAt });
  });
  r.post('/api/v1/logout', (req, res) => {
    const token = bearer(req);
    if (token) auth.logout(token);
    res.json({ ok: true });
  });
  r.get('/api/v1/me', requireRole(auth, ['admin', 'mc', 'technician']), (_req, res) => {
    res.json(res.locals.principal);
  });
  r.put('/api/v1/passwords', requireRole(auth, ['admin']), async (req, res) => {
    const { role, password } = parse(SetPassword, req.body);
    await auth.setPassword(role, password);
    res.json({ ok: true, role });
  });
  r.post('/api/v1/tokens', requireRole(auth, ['admin']), (req, res) => {
    const { name, role } = parse(NewToken, req.body);
    const t = auth.createApiToken(role, name);
    res.status(201).json({ id: t.id, token: t.token, role: t.role, name });
  });
  r.get('/api/v1/tokens', requireRole(auth, ['admin']), (_req, res) => {
    res.json(auth.listApiTokens());
  });
  r.delete('/api/v1/tokens/:id', requireRole(auth, ['admin']), (req, res) => {
    if (!auth.revokeApiToken(String(req.params.id))) throw new ServiceError('not_found', 'no active API token with that id');
    res.json({ ok: true });
  });
  return r;
}
