import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/protocol.ts';
import { ServiceError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';

export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;
const FAILS_ALLOWED = 10;
const FAIL_WINDOW_MS = 5 * 60 * 1000;
const ROLES: Role[] = ['admin', 'mc', 'technician'];

/** `stages`: the stages this principal may act on; absent: every stage. */
export type Principal = { role: Role; kind: 'session' | 'api'; name: string; stages?: readonly string[] };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Passwords per role (login is by password alone, as crews share one per role), sessions and API
 * tokens. Only hashes are stored, so a copied data folder gives no one control.
 */
export function authService(db: Db, now: () => number) {
  const getCred = db.prepare<[string], { hash: string }>('SELECT hash FROM credentials WHERE role = ?');
  const setCred = db.prepare(
    'INSERT INTO credentials (role, hash, updated_at) VALUES (?, ?, ?) ON CONFLICT (role) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at',
  );
  const insertToken = db.prepare(
    'INSERT INTO tokens (token_hash, role, kind, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const findToken = db.prepare<
    [string],
    { role: Role; kind: 'session' | 'api'; name: string; expires_at: number | null; revoked_at: number | null }
  >('SELECT role, kind, name, expires_at, revoked_at FROM tokens WHERE token_hash = ?');
  const revoke = db.prepare('UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
  const revokeSessionsOfRole = db.prepare(
    "UPDATE tokens SET revoked_at = ? WHERE role = ? AND kind = 'session' AND revoked_at IS NULL",
  );
  const listApi = db.prepare<[], { token_hash: string; role: Role; name: string; created_at: number; revoked_at: number | null }>(
    "SELECT token_hash, role, name, created_at, revoked_at FROM tokens WHERE kind = 'api' ORDER BY created_at",
  );
  const revokeApi = db.prepare("UPDATE tokens SET revoked_at = ? WHERE kind = 'api' AND substr(token_hash, 1, 16) = ? AND revoked_at IS NULL");
  const failures = new Map<string, { count: number; since: number }>();

  /** This address's attempts in the current window; old windows are swept so guessing from many addresses cannot grow the map for ever. */
  function attemptWindow(address: string, at: number): { count: number; since: number } {
    if (failures.size > 10_000) for (const [a, w] of failures) if (at - w.since >= FAIL_WINDOW_MS) failures.delete(a);
    const f = failures.get(address);
    if (f && at - f.since < FAIL_WINDOW_MS) return f;
    const fresh = { count: 0, since: at };
    failures.set(address, fresh);
    return fresh;
  }

  function issue(role: Role, kind: 'session' | 'api', name: string, ttl: number | null) {
    const token = randomBytes(32).toString('base64url');
    const at = now();
    const expiresAt = ttl === null ? null : at + ttl;
    insertToken.run(sha256(token), role, kind, name, at, expiresAt);
    return { token, role, expiresAt };
  }

  return {
    /** Sets the admin password from the environment, or generates one on first start and returns it to print. */
    async ensureAdmin(configured: string | undefined): Promise<string | null> {
      if (configured) {
        const existing = getCred.get('admin');
        if (!existing || !(await verifyPassword(configured, existing.hash))) await this.setPassword('admin', configured);
        return null;
      }
      if (getCred.get('admin')) return null;
      const pw = generatePassword();
      await this.setPassword('admin', pw);
      return pw;
    },

    /** A changed password ends every session that logged in with the old one. */
    async setPassword(role: Role, password: string): Promise<void> {
      if (password.length < 8) throw new ServiceError('bad_request', 'a password needs at least 8 characters');
      const hash = await hashPassword(password);
      const at = now();
      db.transaction(() => {
        setCred.run(role, hash, at);
        revokeSessionsOfRole.run(at, role);
      })();
    },

    async login(password: string, address: string) {
      const at = now();
      const f = attemptWindow(address, at);
      if (f.count >= FAILS_ALLOWED) {
        throw new ServiceError('rate_limited', 'too many failed logins; wait a few minutes', {
          retryAfterSec: Math.ceil((f.since + FAIL_WINDOW_MS - at) / 1000),
        });
      }
      // Counted before the hash is checked: guesses sent in parallel all wait on scrypt, and a count
      // written after that await would let every one of them through.
      f.count++;
      for (const role of ROLES) {
        const cred = getCred.get(role);
        if (cred && (await verifyPassword(password, cred.hash))) {
          failures.delete(address);
          return issue(role, 'session', '', SESSION_TTL_MS);
        }
      }
      throw new ServiceError('unauthorized', 'wrong password');
    },

    createApiToken(role: Role, name: string) {
      const t = issue(role, 'api', name, null);
      return { ...t, id: sha256(t.token).slice(0, 16), name };
    },

    /** API tokens by id (a prefix of their hash: it identifies one without revealing it). */
    listApiTokens() {
      return listApi.all().map((r) => ({
        id: r.token_hash.slice(0, 16),
        name: r.name,
        role: r.role,
        createdAt: r.created_at,
        revokedAt: r.revoked_at,
      }));
    },

    revokeApiToken(id: string): boolean {
      return revokeApi.run(now(), id).changes > 0;
    },

    verify(token: string | undefined): Principal | null {
      if (!token) return null;
      const row = findToken.get(sha256(token));
      if (!row || row.revoked_at !== null) return null;
      if (row.expires_at !== null && row.expires_at <= now()) return null;
      return { role: row.role, kind: row.kind, name: row.name };
    },

    logout(token: string): void {
      revoke.run(now(), sha256(token));
    },
  };
}
export type AuthService = ReturnType<typeof authService>;

/** How an accepted command names who sent it in the log: the role, or the API token's name. */
export const actorOf = (p: Principal): string => (p.kind === 'api' ? `api:${p.name}` : p.role);
