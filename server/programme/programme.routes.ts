import { Router } from 'express';
import { jsonBody } from '../http/json-body.ts';
import { z } from 'zod';
import { programmeCsv } from '../../shared/export/csv.ts';
import { toExport } from '../../shared/import/json.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { requireRole } from '../http/auth.middleware.ts';
import { parse } from '../http/validate.ts';
import type { ShowService } from '../show/show.service.ts';
import { IMPORT_LIMIT, ImportRequest, ReplaceRequest } from './import.schema.ts';
import type { ImportRunner } from './import.runner.ts';

const DryRun = z.object({ dryRun: z.enum(['1', 'true', '0', 'false']).optional() }).loose();

/**
 * Programme editing, import and export (admin). Mounted before the app's 64 kb JSON parser: these
 * routes parse their own bodies with a 10 MB cap, since a .docx plan sent as base64 is large.
 */
export function programmeRoutes(show: ShowService, auth: AuthService, runImport: ImportRunner['run']): Router {
  const r = Router();
  const admin = requireRole(auth, ['admin']);
  const bigJson = jsonBody(IMPORT_LIMIT);

  r.post('/api/v1/programme/import', admin, bigJson, async (req, res) => {
    const dryRun = ['1', 'true'].includes(parse(DryRun, req.query).dryRun ?? '');
    const body = parse(ImportRequest, req.body ?? {});
    const { programme, revision } = show.current();
    const { preview, notes } = await runImport(programme, body);
    const summary = {
      days: preview.days,
      segments: preview.segments,
      warnings: preview.warnings,
      notes,
    };
    if (dryRun) {
      // Said before the organiser confirms: this import would take away the segment on stage now.
      const refusal = show.runningConflict(preview.programme)?.toJSON() ?? null;
      res.json({ dryRun: true, revision, mode: body.mode, ...summary, refusal });
      return;
    }
    const payload = show.replaceProgramme(preview.programme, body.expectedRevision);
    res.json({ dryRun: false, revision: payload.revision, mode: body.mode, ...summary });
  });

  r.put('/api/v1/programme', admin, bigJson, (req, res) => {
    const { programme, expectedRevision, renamedStages } = parse(ReplaceRequest, req.body ?? {});
    res.json(show.replaceProgramme(programme, expectedRevision, renamedStages));
  });

  r.get('/api/v1/programme/export.json', admin, (_req, res) => {
    const { programme } = show.current();
    res
      .set('Content-Disposition', 'attachment; filename="programme.json"')
      .type('application/json')
      .send(JSON.stringify(toExport(programme, new Date().toISOString()), null, 2));
  });

  r.get('/api/v1/programme/export.csv', admin, (_req, res) => {
    res
      .set('Content-Disposition', 'attachment; filename="programme.csv"')
      .type('text/csv; charset=utf-8')
      .send(programmeCsv(show.current().programme));
  });

  return r;
}
