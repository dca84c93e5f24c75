import type { Role } from '../../shared/protocol.ts';

/** The view a device of this role opens: the MC console (a moderator's is its message-only mode), the technician's, the crew page. */
export function viewOf(role: Role, stageId: string | null): string {
  const stage = stageId === null ? '' : `?stage=${encodeURIComponent(stageId)}`;
  if (role === 'mc' || role === 'moderator') return `/mc${stage}`;
  if (role === 'technician') return '/tech';
  return stageId === null ? '/crew' : `/mc${stage}`;
}

/**
 * The link a QR code carries: the view, with the token in the fragment. Browsers never send a
 * fragment to the server, so the token reaches no access log or proxy; the page reads it, keeps it
 * as its login and removes it from the address bar.
 */
export const deviceLink = (base: string, role: Role, stageId: string | null, token: string): string =>
  `${base}${viewOf(role, stageId)}#token=${encodeURIComponent(token)}`;
