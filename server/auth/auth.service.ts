import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/protocol.ts';
import { ServiceError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';

export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;
const FAILS_ALLOWED = 10;
const FAIL_WINDOW_MS = 5 * 60 * 1000;
const ROLES: Role[] = ['admin', 'mc', 'moderator', 'technician'];
/** lastSeenAt is written at most this often per token: a busy console must not cost a disk write per press. */
const SEEN_WRITE_MS = 60_000;

/** A login (expires), an API token for scripts and Companion, or a device link handed out by QR code. */
export type TokenKind = 'session' | 'api' | 'device';
/** `stages`: the stages this principal may act on; absent: every stage. `tokenId` names its token (see idOf). */
export type Principal = { role: Role; kind: TokenKind; name: string; stages?: readonly string[]; tokenId: string };
/** An API token or device link as the crew page lists it; the token itself is never shown again. */
export type TokenInfo = { id: string; kind: 'api' | 'device'; name: string; role: Role; stageId: string | null; createdAt: number; lastSeenAt: number | null; revokedAt: number | null };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** A token's public id: a prefix of its hash, which names it without revealing it. */
export const idOf = (token: string) => sha256(token).slice(0, 16);

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
    'INSERT INTO tokens (token_hash, role, kind, name, created_at, expires_at, stage_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const findToken = db.prepare<
    [string],
    { role: Role; kind: TokenKind; name: string; expires_at: number | null; revoked_at: number | null; stage_id: string | null }
  >('SELECT role, kind, name, expires_at, revoked_at, stage_id FROM tokens WHERE token_hash = ?');
  const revoke = db.prepare('UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
  const revokeSessionsOfRole = db.prepare(
    "UPDATE tokens SET revoked_at = ? WHERE role = ? AND kind = 'session' AND revoked_at IS NULL",
  );
  type Row = { token_hash: string; kind: 'api' | 'device'; role: Role; name: string; stage_id: string | null; created_at: number; last_seen_at: number | null; revoked_at: number | null };
  const listLinks = db.prepare<[], Row>(
    "SELECT token_hash, kind, role, name, stage_id, created_at, last_seen_at, revoked_at FROM tokens WHERE kind IN ('api', 'device') ORDER BY created_at",
  );
  const revokeLink = db.prepare("UPDATE tokens SET revoked_at = ? WHERE kind IN ('api', 'device') AND substr(token_hash, 1, 16) = ? AND revoked_at IS NULL");
  const renameLink = db.prepare("UPDATE tokens SET name = ? WHERE kind IN ('api', 'device') AND substr(token_hash, 1, 16) = ? AND revoked_at IS NULL");
  const touch = db.prepare('UPDATE tokens SET last_seen_at = ? WHERE token_hash = ?');
  const failures = new Map<string, { count: number; since: number }>();
  /** Last use per token hash, in memory: `written` is what the store holds. */
  const seen = new Map<string, { at: number; written: number }>();
  const revokedListeners: (() => void)[] = [];
  const revoked = () => revokedListeners.forEach((f) => f());

  function markSeen(hash: string, at: number): void {
    const s = seen.get(hash) ?? { at, written: 0 };
    s.at = at;
    seen.set(hash, s);
    if (at - s.written < SEEN_WRITE_MS) return;
    s.written = at;
    try {
      touch.run(at, hash);
    } catch {
      // Last seen is a hint for the crew page; a store that takes no writes (already reported by
      // /healthz and the consoles' banner) must not make a control request fail.
    }
  }

  /** This address's attempts in the current window; old windows are swept so guessing from many addresses cannot grow the map for ever. */
  function attemptWindow(address: string, at: number): { count: number; since: number } {
    if (failures.size > 10_000) for (const [a, w] of failures) if (at - w.since >= FAIL_WINDOW_MS) failures.delete(a);
    const f = failures.get(address);
    if (f && at - f.since < FAIL_WINDOW_MS) return f;
    const fresh = { count: 0, since: at };
    failures.set(address, fresh);
    return fresh;
  }

  function issue(role: Role, kind: TokenKind, name: string, ttl: number | null, stageId: string | null) {
    const token = randomBytes(32).toString('base64url');
    const at = now();
    const expiresAt = ttl === null ? null : at + ttl;
    insertToken.run(sha256(token), role, kind, name, at, expiresAt, stageId);
    return { token, role, expiresAt, stageId };
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
      revoked();
    },

    /** A session of the role whose password this is; with `stageId`, limited to that stage. */
    async login(password: string, address: string, stageId: string | null = null) {
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
          return issue(role, 'session', '', SESSION_TTL_MS, stageId);
        }
      }
      throw new ServiceError('unauthorized', 'wrong password');
    },

    /** A device link or API token: it does not expire, is shown only now, and is stored hashed. */
    createToken(o: { role: Role; kind: 'api' | 'device'; name: string; stageId: string | null }) {
      const t = issue(o.role, o.kind, o.name, null, o.stageId);
      return { id: idOf(t.token), token: t.token, role: t.role, stageId: t.stageId, name: o.name, kind: o.kind };
    },

    listTokens(): TokenInfo[] {
      return listLinks.all().map((r) => ({
        id: r.token_hash.slice(0, 16),
        kind: r.kind,
        name: r.name,
        role: r.role,
        stageId: r.stage_id,
        createdAt: r.created_at,
        lastSeenAt: Math.max(r.last_seen_at ?? 0, seen.get(r.token_hash)?.at ?? 0) || null,
        revokedAt: r.revoked_at,
      }));
    },

    renameToken(id: string, name: string): boolean {
      return renameLink.run(name, id).changes > 0;
    },

    revokeToken(id: string): boolean {
      const done = revokeLink.run(now(), id).changes > 0;
      if (done) revoked();
      return done;
    },

    /** Runs after any token stops being valid (revoked, logged out, its password changed), so open sockets can be told. */
    onRevoked(fn: () => void): void {
      revokedListeners.push(fn);
    },

    verify(token: string | undefined): Principal | null {
      if (!token) return null;
      const hash = sha256(token);
      const row = findToken.get(hash);
      if (!row || row.revoked_at !== null) return null;
      const at = now();
      if (row.expires_at !== null && row.expires_at <= at) return null;
      markSeen(hash, at);
      return {
        role: row.role,
        kind: row.kind,
        name: row.name,
        tokenId: hash.slice(0, 16),
        ...(row.stage_id === null ? {} : { stages: [row.stage_id] }),
      };
    },

    logout(token: string): void {
      if (revoke.run(now(), sha256(token)).changes > 0) revoked();
    },
  };
}
export type AuthService = ReturnType<typeof authService>;

/** How an accepted command names who sent it in the log: the role, or the API token's name. */
export const actorOf = (p: Principal): string => (p.kind === 'session' ? p.role : `api:${p.name}`);
