import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The same headers from the primary and from an edge: one page may come from either. */
export function securityHeaders(): RequestHandler {
  return helmet({
    // Venue LANs are plain http: never push browsers to https or pin it.
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'upgrade-insecure-requests': null,
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    },
  });
}
