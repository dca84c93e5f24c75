import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Role } from '../../shared/protocol.ts';

const KEY = 'ros.session';

/** `stageId`: the one stage this login may act on (null: every stage); `name`: a device link's name. */
export type Session = { token: string; role: Role; expiresAt: number | null; stageId?: string | null; name?: string };
/** Why this device has no login any more, to say so on its screen. */
export type Ended = 'revoked' | 'link_invalid' | null;

function load(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (s.expiresAt !== null && s.expiresAt <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

/** The login of this device, kept across reloads so a tablet that restarts is still logged in. */
export const sessionStore = createStore<{ session: Session | null; ended: Ended }>()(() => ({ session: load(), ended: null }));

export function setSession(session: Session | null, ended: Ended = null): void {
  sessionStore.setState({ session, ended });
  try {
    if (session) globalThis.localStorage?.setItem(KEY, JSON.stringify(session));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // The session still works until the page is closed.
  }
}

/** The server revoked this device's login (its link, a password change): forget it and say so. */
export function sessionEnded(): void {
  if (sessionStore.getState().session) setSession(null, 'revoked');
}

export function useSession(): Session | null {
  return useStore(sessionStore, (s) => s.session);
}
export const useSessionEnded = (): Ended => useStore(sessionStore, (s) => s.ended);

export type LoginResult = { ok: true; session: Session } | { ok: false; code: string };

export async function login(password: string): Promise<LoginResult> {
  try {
    const r = await fetch('/api/v1/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password }),
    });
    const body = (await r.json()) as { token?: string; role?: Role; expiresAt?: number | null; stageId?: string | null; error?: { code: string } };
    if (!r.ok || !body.token || !body.role) return { ok: false, code: body.error?.code ?? 'internal' };
    const session: Session = { token: body.token, role: body.role, expiresAt: body.expiresAt ?? null, stageId: body.stageId ?? null };
    setSession(session);
    return { ok: true, session };
  } catch {
    return { ok: false, code: 'offline' };
  }
}

export async function logout(): Promise<void> {
  const s = sessionStore.getState().session;
  setSession(null);
  if (s) await fetch('/api/v1/logout', { method: 'POST', headers: { authorization: `Bearer ${s.token}` } }).catch(() => undefined);
}
