import { Router } from 'express';
import { z } from 'zod';
import { Role } from '../../shared/protocol.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { deviceLink } from '../auth/device-link.ts';
import { ServiceError } from '../errors.ts';
import { bearer, principalOf, requireRole } from './auth.middleware.ts';
import { parse } from './validate.ts';

const StageId = z.string().min(1).max(64);
const Login = z.object({ password: z.string().min(1).max(200), stageId: StageId.optional() }).strict();
const SetPassword = z.object({ role: Role, password: z.string().min(8).max(200) }).strict();
const Name = z.string().trim().min(1).max(80);
const NewToken = z
  .object({ name: Name, role: Role.default('mc'), stageId: StageId.nullable().optional(), kind: z.enum(['device', 'api']).default('device') })
  .strict();
const Rename = z.object({ name: Name }).strict();

export type AuthRouteDeps = {
  auth: AuthService;
  /** The stages a token may be scoped to. */
  stageIds: () => string[];
  /** The base of every device link (PUBLIC_URL or the LAN address). */
  publicUrl: () => string;
  /** Ids of the tokens some open socket uses now. */
  connectedTokenIds: () => ReadonlySet<string>;
};

export function authRoutes({ auth, stageIds, publicUrl, connectedTokenIds }: AuthRouteDeps): Router {
  const r = Router();
  /** A scope must name a stage that exists: a typo would hand out a link that can control nothing. */
  const checkStage = (stageId: string | null | undefined): string | null => {
    if (stageId === undefined || stageId === null) return null;
    const ids = stageIds();
    if (!ids.includes(stageId)) throw new ServiceError('bad_request', `stageId: no stage "${stageId}"; one of ${ids.join(', ')}`, { stages: ids });
    return stageId;
  };
  r.post('/api/v1/login', async (req, res) => {
    const { password, stageId } = parse(Login, req.body);
    const s = await auth.login(password, req.ip ?? 'unknown', checkStage(stageId));
    res.json({ token: s.token, role: s.role, stageId: s.stageId, expiresAt: s.expiresAt });
  });
  r.post('/api/v1/logout', (req, res) => {
    const token = bearer(req);
    if (token) auth.logout(token);
    res.json({ ok: true });
  });
  r.get('/api/v1/me', requireRole(auth, Role.options), (_req, res) => {
    const p = principalOf(res);
    res.json({ role: p.role, kind: p.kind, name: p.name, stageId: p.stages?.[0] ?? null });
  });
  r.put('/api/v1/passwords', requireRole(auth, ['admin']), async (req, res) => {
    const { role, password } = parse(SetPassword, req.body);
    await auth.setPassword(role, password);
    res.json({ ok: true, role });
  });
  r.post('/api/v1/tokens', requireRole(auth, ['admin']), (req, res) => {
    const { name, role, stageId, kind } = parse(NewToken, req.body);
    const t = auth.createToken({ role, kind, name, stageId: checkStage(stageId) });
    res.status(201).json({ id: t.id, token: t.token, role: t.role, stageId: t.stageId, name, kind, url: deviceLink(publicUrl(), role, t.stageId, t.token) });
  });
  r.get('/api/v1/tokens', requireRole(auth, ['admin']), (_req, res) => {
    const connected = connectedTokenIds();
    res.set('Cache-Control', 'no-store');
    res.json(auth.listTokens().map((t) => ({ ...t, connected: connected.has(t.id) })));
  });
  r.patch('/api/v1/tokens/:id', requireRole(auth, ['admin']), (req, res) => {
    const { name } = parse(Rename, req.body);
    if (!auth.renameToken(String(req.params.id), name)) throw new ServiceError('not_found', 'no active token with that id');
    res.json({ ok: true, name });
  });
  r.delete('/api/v1/tokens/:id', requireRole(auth, ['admin']), (req, res) => {
    if (!auth.revokeToken(String(req.params.id))) throw new ServiceError('not_found', 'no active token with that id');
    res.json({ ok: true });
  });
  return r;
}
