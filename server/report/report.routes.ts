import { Router } from 'express';
import { z } from 'zod';
import { reportCsv } from '../../shared/report/report-csv.ts';
import { stageReport, type DayReport } from '../../shared/report/report.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { requireRole } from '../http/auth.middleware.ts';
import { parse } from '../http/validate.ts';
import type { ShowService } from '../show/show.service.ts';
import type { ActionsRepository } from '../store/actions.repository.ts';

const Query = z.object({ day: z.string().min(1).max(64).optional(), stage: z.string().min(1).max(120).optional() }).loose();

/** Planned vs actual, computed from the stored action log each time, so it survives restarts. */
export function reportRoutes(show: ShowService, actions: ActionsRepository, auth: AuthService, now: () => number): Router {
  const r = Router();
  const build = (query: unknown) => {
    const { day, stage } = parse(Query, query);
    const { programme, plan, revision } = show.current();
    if (day !== undefined && !programme.event.days.some((d) => d.id === day)) throw new ServiceError('not_found', `unknown day ${day}`);
    const stages = stage === undefined ? programme.event.stages.map((s) => s.id) : [show.resolveStage(stage)];
    const at = now();
    const stored = actions.latestRuns();
    const reports = stages.map((id) => stageReport(programme, plan, id, actions.log(id), at, stored.get(id)?.run));
    const days: DayReport[] = reports.flatMap((s) => s.days).filter((d) => day === undefined || d.dayId === day);
    return {
      event: { title: programme.event.title, timeZone: programme.event.timeZone, venue: programme.event.venue },
      programmeRevision: revision,
      generatedAt: at,
      days,
      replayIssues: reports.flatMap((s) => s.replayIssues.map((i) => ({ ...i, stageId: s.stageId }))),
    };
  };
  r.get('/api/v1/report', requireRole(auth, ['admin']), (req, res) => {
    res.set('Cache-Control', 'no-store').json(build(req.query));
  });
  r.get('/api/v1/report.csv', requireRole(auth, ['admin']), (req, res) => {
    const report = build(req.query);
    res
      .set('Content-Disposition', 'attachment; filename="report.csv"')
      .type('text/csv; charset=utf-8')
      .send(reportCsv(report.days, report.event.timeZone));
  });
  return r;
}
