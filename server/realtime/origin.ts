import type { IncomingMessage } from 'node:http';

/**
 * A browser page from another site must not drive the show with a token it got hold of: a
 * connection that carries credentials and an Origin header must come from this server's own
 * pages (or an origin listed in `allowed`). Scripts and Companion send no Origin and are judged by
 * their token alone; public read-only viewers may come from anywhere.
 */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>, hasCredentials: boolean, allowed: readonly string[]): boolean {
  if (!hasCredentials) return true;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
