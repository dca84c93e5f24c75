import express, { Router } from 'express';
import { join } from 'node:path';

export const VIEW_ROUTES = ['/mc', '/stage', '/led', '/tech', '/agenda', '/edit', '/report'] as const;

/** The built client. Hashed assets are immutable; the HTML is revalidated so a new build shows at once. */
export function staticRoutes(dir: string): Router {
  const r = Router();
  r.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  r.use(express.static(dir, { index: false, maxAge: '1h' }));
  const index = join(dir, 'index.html');
  r.get(['/', ...VIEW_ROUTES], (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return r;
}
