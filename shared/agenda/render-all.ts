import { formatClock } from '../time-format.ts';
import type { AllStagesModel, StageLine } from './all-stages.ts';
import type { AgendaData } from './data.ts';
import { roundMinutes } from './format.ts';
import { esc } from './html.ts';
import type { AgendaT } from './i18n.ts';
import type { AgendaRow } from './model.ts';

/** The row markup of the one-stage list (render.ts), passed in so the two lists cannot drift apart. */
export type RowRenderers = {
  row: (r: AgendaRow, level: number, tz: string, t: AgendaT, tag?: string) => string;
  remaining: (r: AgendaRow, t: AgendaT) => string;
};

/** Fewer finished rows than this stay in the list (as in the one-stage list). */
const FOLD_MIN = 3;

/**
 * The top of the "all stages" view: one line per stage with its venue, what is on there now (or
 * next), and whether it runs late, each a link to the stage's own tab.
 */
export function renderStageLines(m: AllStagesModel, t: AgendaT, r: RowRenderers): string {
  const items = m.stages.map((s) => `<li><a class="ag-stage-line is-${lineState(s)}" href="?${esc(new URLSearchParams({ day: m.dayId, stage: s.stageId }).toString())}" data-stage="${esc(s.stageId)}">${stageLine(s, m.timeZone, t, r)}</a></li>`);
  return `<ul class="ag-stage-lines">${items.join('')}</ul>`;
}

const lineState = (s: StageLine) => (s.now ? 'now' : s.ended ? 'ended' : s.live ? 'live' : 'idle');

function stageLine(s: StageLine, tz: string, t: AgendaT, r: RowRenderers): string {
  const head = `<span class="ag-line-stage">${esc(s.name)}</span>${s.venue ? `<span class="ag-line-venue">${esc(s.venue)}</span>` : ''}`;
  const late = s.lateMs !== null ? t('agenda.stageLate', { min: roundMinutes(s.lateMs) }) : s.live ? t('agenda.stageOnTime') : '';
  let what: string;
  if (s.now) what = `${t(s.now.paused ? 'agenda.pausedNow' : 'agenda.now')}: ${s.now.title} · ${r.remaining(s.now, t)}`;
  else if (s.ended) what = t('agenda.stageEnded');
  else if (s.next) {
    const at = s.next.shiftedStart ?? s.next.plannedStart;
    what = `${t('agenda.next')}${at === null ? '' : ` ${t('agenda.at', { time: formatClock(at, tz) })}`}: ${s.next.title}`;
  } else what = t('agenda.stageNotStarted');
  return `${head}<span class="ag-line-what">${esc(what)}</span>${late ? `<span class="ag-line-late${s.lateMs !== null ? ' is-late' : ''}">${esc(late)}</span>` : ''}`;
}

/** Every stage's day on one timeline, each row tagged with its stage and venue. */
export function renderAllList(m: AllStagesModel, data: AgendaData, t: AgendaT, r: RowRenderers): string {
  if (m.rows.length === 0) return `<p class="ag-empty">${esc(t('agenda.empty'))}</p>`;
  const stages = new Map(data.event.stages.map((s) => [s.id, s]));
  const row = (x: (typeof m.rows)[number]) => {
    const s = stages.get(x.stageId);
    const tag = s ? `<p class="ag-stage-tag" data-stage-tag="${esc(s.id)}"><span>${esc(s.name)}</span>${s.venue ? ` · ${esc(s.venue)}` : ''}</p>` : '';
    return r.row(x, 3, m.timeZone, t, tag);
  };
  // Finished rows before everything still to come fold away, as on one stage.
  const firstOpen = m.rows.findIndex((x) => x.status !== 'past');
  const fold = firstOpen >= FOLD_MIN ? firstOpen : 0;
  const past = fold > 0 ? `<details class="ag-past" id="ag-past"><summary>${esc(t('agenda.pastFolded', { count: fold }))}</summary><ol class="ag-rows">${m.rows.slice(0, fold).map(row).join('')}</ol></details>` : '';
  return `${past}<ol class="ag-rows ag-all-rows">${m.rows.slice(fold).map(row).join('')}</ol>`;
}
