import { Router, type Request } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../../shared/i18n/index.ts';
import { agendaDataFrom, type AgendaData } from '../../shared/agenda/data.ts';
import { isLang, LANG_KEY } from '../../shared/agenda/i18n.ts';
import { defaultSelection } from '../../shared/agenda/model.ts';
import { parse } from '../http/validate.ts';
import type { PublicSource } from '../live/live.endpoint.ts';
import { inlineStylesheets, renderAgendaHtml } from './agenda.page.ts';
import { renderIcs } from './ics.ts';
import { qrSvg } from './qr.ts';
import { serviceWorkerSource } from './service-worker.ts';

/** `show`: the show itself on the primary, the audience endpoint's copy on an edge. */
export type AgendaDeps = { show: PublicSource; now: () => number; clientDir?: string | undefined };

const PageQuery = z
  .object({
    day: z.string().max(64).optional(),
    stage: z.string().max(120).optional(),
    lang: z.string().max(8).optional(),
    all: z.string().max(8).optional(),
  })
  .loose();
const IcsQuery = z.object({ stage: z.string().min(1).max(120).optional() }).loose();
/** A Host header fit to print in a QR code; anything else gets no QR rather than a forged one. */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function agendaData(show: PublicSource, now: number): AgendaData {
  return agendaDataFrom(show.programmePayload(), show.stageIds().map((id) => show.runState(id)), now);
}

/** GET /agenda (server-rendered), /agenda-sw.js and /api/v1/agenda.ics: everything public about the programme. */
export function agendaRoutes(deps: AgendaDeps): Router {
  const r = Router();
  const template = builtTemplate(deps.clientDir);

  r.get('/api/v1/agenda.ics', (req, res) => {
    const { stage } = parse(IcsQuery, req.query);
    const stageId = stage === undefined ? undefined : deps.show.resolveStage(stage);
    const now = deps.now();
    const ics = renderIcs(agendaData(deps.show, now), { stageId, now, uidDomain: 'run-of-show' });
    res
      .set('Content-Type', 'text/calendar; charset=utf-8')
      .set('Content-Disposition', `inline; filename="${stageId ?? 'agenda'}.ics"`)
      .set('Cache-Control', 'no-cache')
      .send(ics);
  });

  if (!template) return r;

  r.get('/agenda-sw.js', (_req, res, next) => {
    const t = template();
    if (!t) {
      next();
      return;
    }
    res
      .type('application/javascript')
      .set('Cache-Control', 'no-cache')
      .send(serviceWorkerSource(t.buildId, t.assets));
  });

  r.get(['/agenda', '/agenda/'], async (req, res, next) => {
    try {
      const t = template();
      if (!t) {
        next();
        return;
      }
      const q = parse(PageQuery, req.query);
      const lang = langOf(req, q.lang);
      if (q.lang !== undefined && isLang(q.lang)) {
        res.cookie(LANG_KEY, q.lang, { maxAge: 365 * 86_400_000, sameSite: 'lax', path: '/' });
      }
      const now = deps.now();
      const data = agendaData(deps.show, now);
      const want = { ...(q.day ? { dayId: q.day } : {}), ...(q.stage ? { stageId: q.stage } : {}), all: q.all === '1' };
      const host = req.get('host') ?? '';
      const pageUrl = HOST.test(host) ? `${req.protocol}://${host}/agenda` : '';
      const html = renderAgendaHtml({
        template: t.html,
        data,
        selection: defaultSelection(data, now, want),
        lang,
        now,
        pageUrl,
        qrSvg: pageUrl ? await qrSvg(pageUrl) : '',
        askedStage: q.stage,
      });
      res.set('Cache-Control', 'no-cache').set('Vary', 'Cookie').type('html').send(html);
    } catch (e) {
      next(e);
    }
  });
  return r;
}

function langOf(req: Request, fromQuery: string | undefined): Lang {
  if (isLang(fromQuery)) return fromQuery;
  const m = new RegExp(`(?:^|;\\s*)${LANG_KEY.replace('.', '\\.')}=(vi|en)(?:;|$)`).exec(req.get('cookie') ?? '');
  return m && isLang(m[1]) ? m[1] : 'vi';
}

type Template = { html: string; buildId: string; assets: string[] };

/**
 * The vite-built agenda page with its stylesheet inlined. Read again only when the file changes:
 * a new build deletes the old hashed assets, so a page naming them would load no script.
 */
function builtTemplate(dir: string | undefined): (() => Template | null) | null {
  if (!dir || !existsSync(join(dir, 'agenda.html'))) return null;
  const file = join(dir, 'agenda.html');
  let cached: { mtimeMs: number; t: Template } | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return cached?.t ?? null;
    }
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, t: readTemplate(dir, file) };
    return cached.t;
  };
}

function readTemplate(dir: string, file: string): Template {
  const raw = readFileSync(file, 'utf8');
  const html = inlineStylesheets(raw, (href) => {
    const path = normalize(join(dir, href));
    return path.startsWith(normalize(dir)) && existsSync(path) ? readFileSync(path, 'utf8') : null;
  });
  const assets = [...html.matchAll(/<(?:script|link)[^>]*(?:src|href)="(\/assets\/[^"]+)"/g)].flatMap((m) => m[1] ?? []);
  return { html, buildId: createHash('sha256').update(html).digest('hex').slice(0, 12), assets };
}
