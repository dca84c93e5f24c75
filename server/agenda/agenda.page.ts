import type { Lang } from '../../shared/i18n/index.ts';
import type { AgendaData } from '../../shared/agenda/data.ts';
import { agendaT } from '../../shared/agenda/i18n.ts';
import { buildAgenda, summaryModel, unknownStage, type AgendaSelection } from '../../shared/agenda/model.ts';
import { buildAllStages } from '../../shared/agenda/all-stages.ts';
import { esc, renderPage, statusText } from '../../shared/agenda/render.ts';

export const SSR_MARK = '<!--agenda-ssr-->';
export const DATA_MARK = '<!--agenda-data-->';
export const DATA_ID = 'agenda-data';

export type PageInput = {
  template: string;
  data: AgendaData;
  selection: AgendaSelection;
  lang: Lang;
  now: number;
  pageUrl: string;
  qrSvg: string;
  /** The `?stage=` of the link, as typed (an unknown one is said on the page). */
  askedStage?: string | undefined;
};

/**
 * The first response: the programme as HTML (visible with no script at all) and the same data as
 * inert JSON for the live script. The CSP forbids inline scripts, and a JSON block is not run.
 */
export function renderAgendaHtml(p: PageInput): string {
  const t = agendaT(p.lang);
  const model = buildAgenda(p.data, p.selection, p.now);
  const body = renderPage({
    data: p.data,
    model,
    lang: p.lang,
    t,
    now: p.now,
    summary: summaryModel(p.data, p.selection.stageId, p.now),
    qrSvg: p.qrSvg,
    pageUrl: p.pageUrl,
    all: p.selection.all ? buildAllStages(p.data, p.selection.dayId, p.now) : null,
    unknownStage: unknownStage(p.data, p.askedStage),
    status: statusText(t, 'connecting', p.data.asOf, p.data.event.timeZone),
  });
  const title = `${t('agenda.title')} · ${p.data.event.title}`;
  return p.template
    .replace(/<html lang="[^"]*"/, `<html lang="${p.lang}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${esc(title)}</title>`)
    .replace(SSR_MARK, () => body)
    .replace(DATA_MARK, () => `<script type="application/json" id="${DATA_ID}">${jsonForHtml(p.data)}</script>`);
}

/** JSON that cannot close its script element or open a comment, whatever the titles contain. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Stylesheet links of the built page replaced by their content: on a 2-second-latency link a
 * second request before first paint would cost more than the few kilobytes it saves on reloads.
 */
export function inlineStylesheets(html: string, readAsset: (href: string) => string | null): string {
  return html.replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (tag, href: string) => {
    const css = readAsset(href);
    return css === null ? tag : `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
  });
}
