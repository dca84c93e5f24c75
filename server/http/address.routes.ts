import { Router } from 'express';

/** `GET /api/v1/address`: the address devices should open (the landing page's links and QR codes use it, never the one this browser happened to type). */
export function addressRoutes(publicUrl: () => string): Router {
  const r = Router();
  r.get('/api/v1/address', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({ publicUrl: publicUrl() });
  });
  return r;
}
