import express, { Router } from 'express';
import type { AuthService } from '../auth/auth.service.ts';
import { requireRole } from '../http/auth.middleware.ts';
import { ServiceError } from '../errors.ts';
import type { ShowService } from '../show/show.service.ts';
import type { Db } from '../store/db.ts';
import { checkLogo, LOGO_MAX_BYTES } from './logo-file.ts';
import type { LogoRepository } from './logo.repository.ts';

export const LOGO_PATH = '/api/v1/logo';

/**
 * The event logo: uploaded once in /edit (admin), served to every screen from the LAN. The
 * programme's `event.logoUrl` points at it with the content hash, so screens reload it when it
 * changes and caches may keep it forever. Storing the file and pointing the programme at it is one
 * transaction: a refused programme save leaves the old logo in place.
 */
export function logoRoutes(deps: { db: Db; logos: LogoRepository; show: ShowService; auth: AuthService; now: () => number }): Router {
  const r = Router();
  const admin = requireRole(deps.auth, ['admin']);
  // Any content type is read as bytes (the type is decided from the bytes themselves); the cap is
  // above the logo limit so a too-large logo gets checkLogo's clear message, not a bare 413.
  const raw = express.raw({ type: () => true, limit: LOGO_MAX_BYTES * 8 });
  const pointTo = (logoUrl: string) => {
    const { programme } = deps.show.current();
    return deps.show.replaceProgramme({ ...programme, event: { ...programme.event, logoUrl } }, undefined);
  };

  r.put(LOGO_PATH, admin, raw, (req, res) => {
    const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const type = checkLogo(data);
    const payload = deps.db.transaction(() => {
      const hash = deps.logos.save(type, data, deps.now());
      return pointTo(`${LOGO_PATH}?v=${hash}`);
    })();
    res.json({ type, bytes: data.length, logoUrl: payload.programme.event.logoUrl, revision: payload.revision });
  });

  r.delete(LOGO_PATH, admin, (_req, res) => {
    const payload = deps.db.transaction(() => {
      deps.logos.remove();
      return pointTo('');
    })();
    res.json({ logoUrl: '', revision: payload.revision });
  });

  r.get(LOGO_PATH, (req, res) => {
    const logo = deps.logos.load();
    if (!logo) throw new ServiceError('not_found', 'no logo uploaded; upload one in /edit');
    const versioned = req.query.v === logo.hash;
    res
      .type(logo.type)
      .set({
        'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        // An SVG opened on its own runs as a document: no scripts, no requests, a sandboxed origin.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'Content-Disposition': 'inline; filename="logo"',
      })
      .send(logo.data);
  });
  return r;
}
