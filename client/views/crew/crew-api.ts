import type { Role } from '../../../shared/protocol.ts';
import { api } from '../edit/api.ts';

export type TokenKind = 'device' | 'api';
/** A device link or API token as GET /api/v1/tokens lists it. */
export type Listed = { id: string; kind: TokenKind; name: string; role: Role; stageId: string | null; createdAt: number; lastSeenAt: number | null; revokedAt: number | null; connected: boolean };
/** A token just made: the only moment its secret and link exist outside the device. */
export type Created = { id: string; token: string; role: Role; stageId: string | null; name: string; kind: TokenKind; url: string };
export type NewToken = { name: string; role: Role; stageId: string | null; kind: TokenKind };

/** The crew page's calls, each with the admin's token (docs/api.md, "The crew"). */
export const crewApi = (token: string) => ({
  list: () => api<Listed[]>(token, 'GET', '/api/v1/tokens'),
  create: (t: NewToken) => api<Created>(token, 'POST', '/api/v1/tokens', { name: t.name, role: t.role, kind: t.kind, ...(t.stageId ? { stageId: t.stageId } : {}) }),
  rename: (id: string, name: string) => api<{ ok: true }>(token, 'PATCH', `/api/v1/tokens/${encodeURIComponent(id)}`, { name }),
  revoke: (id: string) => api<{ ok: true }>(token, 'DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`),
  setPassword: (role: Role, password: string) => api<{ ok: true }>(token, 'PUT', '/api/v1/passwords', { role, password }),
});
export type CrewApi = ReturnType<typeof crewApi>;

/** The name a new device gets when none is typed: its role and stage ("MC – Sân khấu chính"). */
export const SUGGESTION = { admin: 'crew.suggest.admin', mc: 'crew.suggest.mc', moderator: 'crew.suggest.moderator', technician: 'crew.suggest.technician' } as const;
