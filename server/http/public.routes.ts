import { Router } from 'express';
import { z } from 'zod';
import type { ShowService } from '../show/show.service.ts';
import { parse } from './validate.ts';
import { bearer } from './auth.middleware.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { publicProgramme } from '../show/public-programme.ts';
import type { StoreHealthTracker } from '../store/store-health.ts';

// A stage by id or by its name (up to 120 characters).
const StateQuery = z.object({ stage: z.string().min(1).max(120).optional() }).loose();

export function publicRoutes(show: ShowService, auth: AuthService, startedAt: number, health: StoreHealthTracker): Router {
  const r = Router();
  // 503 while the store takes no writes, so a monitor (and the consoles' banner) notices before the MC presses.
  r.get('/healthz', (_req, res) => {
    const store = health.get();
    res
      .status(store.ok ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ ok: store.ok, uptimeMs: Date.now() - startedAt, programmeRevision: show.programmePayload().revision, store });
  });
  r.get('/api/v1/programme', (req, res) => {
    const crew = auth.verify(bearer(req)) !== null;
    res.json(crew ? show.programmePayload() : publicProgramme(show.programmePayload()));
  });
  r.get('/api/v1/state', (req, res) => {
    const { stage } = parse(StateQuery, req.query);
    res.set('Cache-Control', 'no-store').json(show.snapshot(show.resolveStage(stage)));
  });
  return r;
}
