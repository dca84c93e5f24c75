import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const VIEW_ROUTES = ['/mc', '/stage', '/led', '/tech', '/agenda', '/edit', '/report', '/crew'] as const;
/** Pages in a dark room: their HTML paints black before any script, so a reboot never flashes white. */
export const DARK_ROUTES = ['/mc', '/stage', '/led'] as const;

/** The built client. Hashed assets are immutable; the HTML is revalidated so a new build shows at once. */
export function staticRoutes(dir: string): Router {
  const r = Router();
  r.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  r.use(express.static(dir, { index: false, maxAge: '1h' }));
  const index = join(dir, 'index.html');
  const display = join(dir, 'display.html');
  const dark = new Set<string>(existsSync(display) ? DARK_ROUTES : []);
  r.get(['/', ...VIEW_ROUTES], (req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(dark.has(req.path) ? display : index);
  });
  return r;
}
