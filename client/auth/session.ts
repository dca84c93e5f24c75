import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Role } from '../../shared/protocol.ts';

const KEY = 'ros.session';

export type Session = { token: string; role: Role; expiresAt: number | null };

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
export const sessionStore = createStore<{ session: Session | null }>()(() => ({ session: load() }));

export function setSession(session: Session | null): void {
  sessionStore.setState({ session });
  try {
    if (session) globalThis.localStorage?.setItem(KEY, JSON.stringify(session));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // The session still works until the page is closed.
  }
}

export function useSession(): Session | null {
  return useStore(sessionStore, (s) => s.session);
}

export type LoginResult = { ok: true; session: Session } | { ok: false; code: string };

export async function login(password: string): Promise<LoginResult> {
  try {
    const r = await fetch('/api/v1/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password }),
    });
    const body = (await r.json()) as { token?: string; role?: Role; expiresAt?: number | null; error?: { code: string } };
    if (!r.ok || !body.token || !body.role) return { ok: false, code: body.error?.code ?? 'internal' };
    const session: Session = { token: body.token, role: body.role, expiresAt: body.expiresAt ?? null };
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
