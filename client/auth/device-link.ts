import type { Role } from '../../shared/protocol.ts';
import { setSession } from './session.ts';

/** The token a device link carries in its fragment (`#token=…`), or null. */
export function linkToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token ? token : null;
}

/**
 * A page opened from a device link (a QR code): takes the token out of the address bar at once, so
 * it is not bookmarked, shared or shown over a shoulder, then keeps it as this device's login with
 * the role and stage the server says it has. A revoked or unknown link leaves no login and says so.
 */
export async function adoptDeviceLink(): Promise<void> {
  const token = linkToken(location.hash);
  if (token === null) return;
  let r: Response;
  try {
    r = await fetch('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  } catch {
    // No network yet: the link stays in the address bar, so reloading tries again.
    return;
  }
  history.replaceState(null, '', location.pathname + location.search);
  if (!r.ok) {
    setSession(null, 'link_invalid');
    return;
  }
  const me = (await r.json()) as { role: Role; stageId: string | null; name: string };
  setSession({ token, role: me.role, stageId: me.stageId, name: me.name, expiresAt: null });
}
