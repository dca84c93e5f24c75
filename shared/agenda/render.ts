import type { Lang } from '../i18n/index.ts';
import { formatClock } from '../time-format.ts';
import type { AgendaData } from './data.ts';
import { formatDayDate, roundMinutes, zoneLabel } from './format.ts';
import type { AgendaT } from './i18n.ts';
import type { AgendaModel, AgendaRow } from './model.ts';
import type { AllStagesModel } from './all-stages.ts';
import { renderAllList, renderStageLines } from './render-all.ts';
import { esc } from './html.ts';

/**
 * The agenda as HTML strings, pure and DOM-free: the server renders the first response with it
 * (the programme shows before any script runs) and the phone re-renders the same markup on
 * every update, so the two can never disagree.
 */
export type PageContext = {
  data: AgendaData;
  model: AgendaModel;
  lang: Lang;
  t: AgendaT;
  now: number;
  /** Now and next at the event (today's or the running day), whatever day is being browsed. */
  summary: AgendaModel;
  /** The QR code of the page's own address, as SVG markup made on the server. */
  qrSvg: string;
  pageUrl: string;
  status: string;
  /** Every stage on one timeline, when the attendee chose "all stages". */
  all?: AllStagesModel | null;
  /** A `?stage=` naming no stage: said above the list, with the stages to choose from. */
  unknownStage?: string | null;
};

/** The three live regions in the form the chosen view shows them (one stage or all stages). */
export function liveRegions(c: Pick<PageContext, 'data' | 'model' | 'summary' | 't' | 'all'>): { summary: string; banner: string; list: string } {
  const rowOf = { row: renderRow, remaining: remainingText };
  if (c.all) return { summary: renderStageLines(c.all, c.t, rowOf), banner: '', list: renderAllList(c.all, c.data, c.t, rowOf) };
  return { summary: renderSummary(c.summary, c.t), banner: renderBanner(c.model, c.t), list: renderList(c.model, c.t) };
}

export { esc };

export function renderPage(c: PageContext): string {
  const { data, model, t, lang } = c;
  const e = data.event;
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const otherName = other === 'en' ? 'English' : 'Tiếng Việt';
  const regions = liveRegions(c);
  return [
    '<header class="ag-head">',
    '<div class="ag-top">',
    `<p class="ag-status" id="ag-status" role="status">${esc(c.status)}</p>`,
    `<a class="ag-lang" id="ag-lang" href="${esc(query(model, { lang: other }))}" hreflang="${other}" lang="${other}" aria-label="${esc(`${t('agenda.language')}: ${otherName}`)}">${otherName}</a>`,
    '</div>',
    `<h1 class="ag-title">${esc(e.title)}</h1>`,
    e.theme ? `<p class="ag-theme">${esc(e.theme)}</p>` : '',
    e.venue ? `<p class="ag-venue"><span class="visually-hidden">${esc(t('agenda.venue'))}: </span>${esc(e.venue)}</p>` : '',
    '</header>',
    `<section class="ag-summary" id="ag-summary" aria-label="${esc(t('agenda.summary'))}">${regions.summary}</section>`,
    renderDayTabs(c),
    renderStageTabs(c),
    '<main class="ag-main" id="ag-main">',
    c.unknownStage ? renderUnknownStage(c, c.unknownStage) : '',
    `<h2 class="ag-day" id="ag-day">${esc(dayHeading(c))}</h2>`,
    `<p class="ag-tz">${esc(t('agenda.timeZone', { zone: zoneLabel(e.timeZone, c.now) }))}</p>`,
    `<div id="ag-banner" role="status">${regions.banner}</div>`,
    `<div id="ag-list" class="ag-list">${regions.list}</div>`,
    '</main>',
    renderFooter(c),
  ].join('');
}

export function query(model: Pick<AgendaModel, 'dayId' | 'stageId' | 'all'>, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ day: model.dayId, stage: model.stageId, ...(model.all ? { all: '1' } : {}), ...extra });
  return `?${q.toString()}`;
}

/** "No stage X": the stages there are, each a link to its tab. */
function renderUnknownStage(c: PageContext, asked: string): string {
  const items = c.data.event.stages.map(
    (s) => `<li><a href="${esc(query({ dayId: c.model.dayId, stageId: s.id }))}" data-stage="${esc(s.id)}">${esc(s.name)}</a>${s.venue ? ` <small>${esc(s.venue)}</small>` : ''}</li>`,
  );
  return `<div class="ag-unknown" role="alert"><p>${esc(c.t('agenda.unknownStage', { id: asked }))}</p><ul>${items.join('')}</ul></div>`;
}

function renderDayTabs(c: PageContext): string {
  const { data, model, t, lang } = c;
  if (data.event.days.length < 2) return '';
  const items = data.event.days.map((d, i) => {
    const current = d.id === model.dayId ? ' aria-current="page"' : '';
    const today = d.id === model.todayId ? `<span class="ag-today">${esc(t('agenda.today'))}</span>` : '';
    return `<li><a class="ag-tab" href="${esc(query({ ...model, dayId: d.id }))}" data-day="${esc(d.id)}"${current}><span>${esc(dayName(c, i))}</span><small>${esc(formatDayDate(d.date, lang))}</small>${today}</a></li>`;
  });
  return `<nav class="ag-tabs" aria-label="${esc(t('agenda.days'))}"><ul>${items.join('')}</ul></nav>`;
}

function renderStageTabs(c: PageContext): string {
  const { data, model, t } = c;
  if (data.event.stages.length < 2) return '';
  const all = `<li><a class="ag-tab ag-stage-tab ag-all-tab" href="${esc(query({ ...model, all: true }))}" data-all="1"${model.all ? ' aria-current="page"' : ''}>${esc(t('agenda.allStages'))}</a></li>`;
  const items = data.event.stages.map((s) => {
    const current = s.id === model.stageId && !model.all ? ' aria-current="page"' : '';
    // The venue is in each stage's heading and line; the tabs stay short enough to see side by side.
    return `<li><a class="ag-tab ag-stage-tab" href="${esc(query({ dayId: model.dayId, stageId: s.id }))}" data-stage="${esc(s.id)}"${current}>${esc(s.name)}</a></li>`;
  });
  return `<nav class="ag-tabs ag-stages" aria-label="${esc(t('agenda.stages'))}"><ul>${all}${items.join('')}</ul></nav>`;
}

function dayHeading(c: PageContext): string {
  const i = c.data.event.days.findIndex((d) => d.id === c.model.dayId);
  const day = c.data.event.days[i];
  const stage = c.data.event.stages.find((s) => s.id === c.model.stageId);
  const parts = [day ? `${dayName(c, i)} · ${formatDayDate(day.date, c.lang)}` : c.t('agenda.title')];
  if (c.model.all) parts.push(c.t('agenda.allStagesHeading'));
  else if (stage && c.data.event.stages.length > 1) parts.push(stage.venue ? `${stage.name} (${stage.venue})` : stage.name);
  return parts.join(' — ');
}

/** The organiser's label ("Ngày thứ 1") in Vietnamese; in English, or without a label, "Day 1". */
function dayName(c: PageContext, i: number): string {
  const label = c.data.event.days[i]?.label ?? '';
  return c.lang === 'vi' && label ? label : c.t('agenda.dayN', { n: i + 1 });
}

/**
 * The first thing on the phone: what is on now and what comes next, each a link to its row. Empty
 * when nothing is on or next today (another day, before the plan's day, after the end).
 */
export function renderSummary(model: AgendaModel, t: AgendaT): string {
  const now = model.rows.find((r) => r.status === 'now');
  const next = model.rows.find((r) => r.status === 'next');
  if (!now && !next) return '';
  const tz = model.timeZone;
  const item = (r: AgendaRow, label: string, detail: string) =>
    `<a class="ag-sum ag-sum-${r.status}" href="#seg-${esc(r.id)}"><span class="ag-sum-label">${esc(label)}${detail ? ` · ${esc(detail)}` : ''}</span><span class="ag-sum-title">${esc(r.title)}</span></a>`;
  const parts: string[] = [];
  if (now) parts.push(item(now, t(now.paused ? 'agenda.pausedNow' : 'agenda.now'), remainingText(now, t)));
  if (next) {
    const at = next.shiftedStart ?? next.plannedStart;
    parts.push(item(next, t('agenda.next'), at === null ? '' : t('agenda.at', { time: formatClock(at, tz) })));
  }
  return parts.join('');
}

export function renderBanner(model: AgendaModel, t: AgendaT): string {
  if (model.lateMs === null) return '';
  const min = roundMinutes(model.lateMs);
  const text = min < 60 ? t('agenda.late', { min }) : t('agenda.lateHours', { h: Math.floor(min / 60), min: min % 60 });
  return `<p class="ag-banner">${esc(text)}</p>`;
}

export function renderList(model: AgendaModel, t: AgendaT): string {
  const tz = model.timeZone;
  if (model.rows.length === 0) return `<p class="ag-empty">${esc(t('agenda.empty'))}</p>`;
  // While the day is on, what is over folds away so the list opens at the current segment.
  const live = model.rows.findIndex((r) => r.status === 'now' || r.status === 'next');
  const fold = live >= PAST_FOLD_MIN && model.rows.slice(0, live).every((r) => r.status === 'past') ? live : 0;
  const past = fold > 0
    ? `<details class="ag-past" id="ag-past"><summary>${esc(t('agenda.pastFolded', { count: fold }))}</summary>${renderGroups(model.rows.slice(0, fold), tz, t)}</details>`
    : '';
  const ended = model.ended ? `<p class="ag-ended">${esc(t('agenda.ended'))}</p>` : '';
  return past + renderGroups(model.rows.slice(fold), tz, t) + ended;
}

/** Fewer finished rows than this stay in the list: folding one or two away saves little and hides the context. */
export const PAST_FOLD_MIN = 3;

function renderGroups(rows: AgendaRow[], tz: string, t: AgendaT): string {
  const groups: { section: string; rows: AgendaRow[] }[] = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last && last.section === r.section) last.rows.push(r);
    else groups.push({ section: r.section, rows: [r] });
  }
  return groups
    .map((g) => {
      const heading = g.section ? `<h3 class="ag-section">${esc(g.section)}</h3>` : '';
      const level = g.section ? 4 : 3;
      return `${heading}<ol class="ag-rows">${g.rows.map((r) => renderRow(r, level, tz, t)).join('')}</ol>`;
    })
    .join('');
}

/** `tag`: extra markup under the title (the stage and venue, in the all-stages view). */
export function renderRow(r: AgendaRow, level: number, tz: string, t: AgendaT, tag = ''): string {
  const time = (ms: number | null) =>
    ms === null ? '' : `<time datetime="${new Date(ms).toISOString()}">${formatClock(ms, tz)}</time>`;
  const range = r.plannedStart === null ? '' : `${time(r.plannedStart)}${r.plannedEnd !== null ? `–${time(r.plannedEnd)}` : ''}`;
  const shift =
    r.shiftedStart === null
      ? ''
      : ` <span class="ag-shift"><span aria-hidden="true">→ </span>${esc(t(r.status === 'now' ? 'agenda.startedAt' : 'agenda.projected', { time: '' }))}${time(r.shiftedStart)}</span>`;
  const badge =
    r.status === 'now'
      ? `<span class="ag-badge ag-badge-now">${esc(t('agenda.now'))}</span>${r.paused ? ` <span class="ag-badge ag-badge-paused">${esc(t('agenda.paused'))}</span>` : ''}`
      : r.status === 'next'
        ? `<span class="ag-badge ag-badge-next">${esc(t('agenda.next'))}</span>`
        : r.status === 'past'
          ? `<span class="visually-hidden">${esc(t('agenda.past'))}</span>`
          : '';
  const performer = r.performer
    ? `<p class="ag-performer"><span class="visually-hidden">${esc(t('agenda.performer'))}: </span>${esc(r.performer)}</p>`
    : '';
  const current = r.status === 'now' ? ' aria-current="true"' : '';
  return [
    `<li class="ag-row is-${r.status}" id="seg-${esc(r.id)}" data-status="${r.status}"${current}>`,
    `<p class="ag-time">${range}${shift}</p>`,
    badge ? `<p class="ag-badges">${badge}</p>` : '',
    // elementtiming: the browser's own record of when the programme was first painted (bench/agenda-slow3g.ts).
    `<h${level} class="ag-seg" elementtiming="agenda-row">${esc(r.title)}</h${level}>`,
    tag,
    performer,
    r.status === 'now' ? renderProgress(r, t) : '',
    '</li>',
  ].join('');
}

export function remainingText(r: AgendaRow, t: AgendaT): string {
  const rem = r.remainingMs ?? 0;
  return rem >= 0 ? t('agenda.remaining', { min: Math.max(1, Math.ceil(rem / 60_000)) }) : t('agenda.overtime', { min: Math.floor(-rem / 60_000) });
}

function renderProgress(r: AgendaRow, t: AgendaT): string {
  const pct = Math.round((r.progress ?? 0) * 100);
  const text = remainingText(r, t);
  return `<div class="ag-progress"><progress max="100" value="${pct}" aria-label="${esc(t('agenda.progress'))}">${pct}%</progress><span class="ag-remaining">${esc(text)}</span></div>`;
}

function renderFooter(c: PageContext): string {
  const { t, model } = c;
  const ics = model.all ? '/api/v1/agenda.ics' : `/api/v1/agenda.ics?stage=${encodeURIComponent(model.stageId)}`;
  return [
    '<footer class="ag-foot">',
    `<button type="button" class="ag-btn" id="ag-share" hidden>${esc(t('agenda.share'))}</button>`,
    `<a class="ag-btn" id="ag-ics" href="${esc(ics)}" download="agenda.ics">${esc(t('agenda.calendar'))}</a>`,
    `<details class="ag-qr" id="ag-qr"><summary>${esc(t('agenda.qr'))}</summary>`,
    `<div class="ag-qr-code" role="img" aria-label="${esc(t('agenda.qrAlt', { url: c.pageUrl }))}">${c.qrSvg}</div>`,
    `<p class="ag-url">${esc(c.pageUrl)}</p></details>`,
    '<p class="ag-note" id="ag-note" role="status"></p>',
    '</footer>',
  ].join('');
}

/** "● Trực tiếp · Cập nhật lúc 17:02:10", or the reason it is not live. */
export function statusText(t: AgendaT, conn: 'connecting' | 'online' | 'offline', lastUpdate: number | null, timeZone: string): string {
  const head = conn === 'online' ? t('agenda.live') : conn === 'offline' ? t('agenda.offline') : t('agenda.connecting');
  return lastUpdate === null ? head : `${head} · ${t('agenda.updated', { time: formatClock(lastUpdate, timeZone, true) })}`;
}
