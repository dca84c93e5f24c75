import compression from 'compression';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { agendaRoutes } from '../agenda/agenda.routes.ts';
import { securityHeaders } from '../http/security-headers.ts';
import type { PublicSource } from '../live/live.endpoint.ts';

export type EdgeAppDeps = {
  source: PublicSource;
  redisUp: () => boolean;
  /** Phones and displays connected to this edge now. */
  audience: () => number;
  clientDir: string | undefined;
  startedAt: number;
};

/**
 * What an edge answers over HTTP: the agenda page, its service worker and .ics, the built assets the
 * page loads, and /healthz. Everything else (consoles, API, editor) is the primary's.
 */
export function edgeApp(deps: EdgeAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind nginx on the same machine: the scheme and client address come from its headers.
  app.set('trust proxy', 'loopback');
  app.use(compression());
  app.use(securityHeaders());
  // Without Redis the edge still serves its last copy, so it stays in the proxy's rotation: 200 either way.
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({
      ok: true,
      role: 'edge',
      redis: deps.redisUp() ? 'up' : 'down',
      audience: deps.audience(),
      programmeRevision: deps.source.programmePayload().revision,
      uptimeMs: Date.now() - deps.startedAt,
    });
  });
  app.use(agendaRoutes({ show: deps.source, now: Date.now, clientDir: deps.clientDir }));
  if (deps.clientDir && existsSync(join(deps.clientDir, 'assets'))) {
    app.use('/assets', express.static(join(deps.clientDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
    app.get('/favicon.svg', (_req, res) => res.sendFile(join(deps.clientDir ?? '', 'favicon.svg')));
  }
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'an edge serves /live, /agenda and /healthz; the rest is on the primary' } });
  });
  return app;
}
