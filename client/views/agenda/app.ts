import type { Lang } from '../../../shared/i18n/index.ts';
import { fresher, withProgramme, withRunState, type AgendaData } from '../../../shared/agenda/data.ts';
import { agendaT, isLang, LANG_KEY } from '../../../shared/agenda/i18n.ts';
import type { ConnectLive, Live, LinkState } from './live.ts';
import { buildAgenda, defaultSelection, summaryModel, unknownStage, type AgendaSelection } from '../../../shared/agenda/model.ts';
import { buildAllStages } from '../../../shared/agenda/all-stages.ts';
import { liveRegions, query, renderPage, statusText } from '../../../shared/agenda/render.ts';

export const STORE_KEY = 'ros.agenda.data';
const TICK_MS = 1000;

export type AgendaEnv = {
  root: HTMLElement;
  /** The page's own inlined data (possibly a copy kept by the service worker). */
  data: AgendaData;
  connect: ConnectLive;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Device clock; the server clock is this plus the estimated offset. */
  now?: () => number;
  url?: URL;
  /** Test hook: no interval timer when false (tests call tick()). */
  autoTick?: boolean;
};

export type AgendaApp = {
  tick(): void;
  state(): { data: AgendaData; lang: Lang; sel: AgendaSelection; link: LinkState; lastUpdate: number | null };
  close(): void;
};

/**
 * The live agenda on the phone. The server's HTML is already on screen; this takes over: it
 * re-renders the same markup from the shared renderer when data arrives, the clock moves, or the
 * attendee switches day, stage or language. Only regions that changed are touched, so a screen
 * reader is not interrupted every second.
 */
export function mountAgenda(env: AgendaEnv): AgendaApp {
  const deviceNow = env.now ?? Date.now;
  const url = env.url ?? new URL(location.href);
  const root = env.root;
  let data = fresher(env.data, readStored(env.storage));
  let offsetMs = 0;
  const serverNow = () => deviceNow() + offsetMs;
  let lang: Lang = initialLang(env.storage, root.ownerDocument.documentElement.lang);
  const dayParam = url.searchParams.get('day');
  const stageParam = url.searchParams.get('stage');
  let sel = defaultSelection(data, serverNow(), {
    ...(dayParam ? { dayId: dayParam } : {}),
    ...(stageParam ? { stageId: stageParam } : {}),
    all: url.searchParams.get('all') === '1',
  });
  // Said until the attendee picks a stage: the link's `?stage=` names none of this event's.
  let asked = unknownStage(data, stageParam);
  let link: LinkState = 'connecting';
  let lastUpdate: number | null = data.asOf;
  const qrSvg = root.querySelector('.ag-qr-code')?.innerHTML ?? '';
  const pageUrl = `${url.origin}/agenda`;
  const shown = { banner: '', list: '', status: '', summary: '' };
  // The folded finished rows stay open once the attendee opened them, through every re-render.
  let pastOpen = false;

  const region = (id: string) => root.querySelector<HTMLElement>(`#${id}`);

  /** The chosen view's models at `now`: one stage with its summary, or every stage. */
  function models(t: ReturnType<typeof agendaT>, now: number) {
    const model = buildAgenda(data, sel, now);
    const summary = summaryModel(data, sel.stageId, now);
    const all = sel.all ? buildAllStages(data, sel.dayId, now) : null;
    return { data, model, summary, all, t };
  }

  function renderAll(): void {
    const t = agendaT(lang);
    const now = serverNow();
    const m = models(t, now);
    const focused = root.ownerDocument.activeElement;
    const focusKey = focused instanceof HTMLElement ? focusKeyOf(focused) : null;
    const qrOpen = region('ag-qr')?.hasAttribute('open') ?? false;
    const status = statusText(t, link, lastUpdate, data.event.timeZone);
    root.innerHTML = renderPage({ ...m, lang, now, qrSvg, pageUrl, status, unknownStage: asked });
    if (qrOpen) region('ag-qr')?.setAttribute('open', '');
    restorePast();
    showCurrentTab();
    shown.summary = liveRegions(m).summary;
    shown.banner = region('ag-banner')?.innerHTML ?? '';
    shown.list = region('ag-list')?.innerHTML ?? '';
    shown.status = status;
    const statusEl = region('ag-status');
    if (statusEl) statusEl.dataset.link = link;
    root.ownerDocument.documentElement.lang = lang;
    root.ownerDocument.title = `${t('agenda.title')} · ${data.event.title}`;
    if (focusKey) root.querySelector<HTMLElement>(focusKey)?.focus();
    enableShare();
  }

  function renderLive(): void {
    const t = agendaT(lang);
    const { banner, list, summary } = liveRegions(models(t, serverNow()));
    if (summary !== shown.summary) setHtml('ag-summary', (shown.summary = summary));
    const status = statusText(t, link, lastUpdate, data.event.timeZone);
    // Compared with what was last written, not with the DOM (the browser re-serialises it).
    if (banner !== shown.banner) setHtml('ag-banner', (shown.banner = banner));
    if (list !== shown.list) {
      setHtml('ag-list', (shown.list = list));
      restorePast();
    }
    const el = region('ag-status');
    if (el && status !== shown.status) {
      shown.status = status;
      el.textContent = status;
    }
    if (el) el.dataset.link = link;
  }
  function restorePast(): void {
    if (pastOpen) region('ag-past')?.setAttribute('open', '');
  }

  /**
   * The chosen tab in view, so a strip wider than the phone never hides it, and each strip marked
   * with the side(s) where more tabs wait, which the stylesheet fades as a hint to swipe.
   */
  function showCurrentTab(): void {
    for (const strip of Array.from(root.querySelectorAll<HTMLElement>('.ag-tabs ul'))) {
      const li = strip.querySelector<HTMLElement>('[aria-current="page"]')?.parentElement;
      if (li && strip.scrollWidth > strip.clientWidth) {
        const left = li.offsetLeft - strip.offsetLeft;
        if (left < strip.scrollLeft || left + li.offsetWidth > strip.scrollLeft + strip.clientWidth) strip.scrollLeft = Math.max(0, left - 16);
      }
      markMore(strip);
      strip.addEventListener('scroll', () => markMore(strip), { passive: true });
    }
  }

  const setHtml = (id: string, html: string) => {
    const el = region(id);
    if (el) el.innerHTML = html;
  };

  function changed(next: AgendaData): void {
    data = next;
    lastUpdate = serverNow();
    try {
      env.storage?.setItem(STORE_KEY, JSON.stringify(data));
    } catch {
      // Storage full or blocked: the page still works, only the offline copy is older.
    }
    renderLive();
  }

  function setLang(next: Lang): void {
    lang = next;
    try {
      env.storage?.setItem(LANG_KEY, next);
    } catch {
      // Not remembered, but switched for this page.
    }
    root.ownerDocument.cookie = `${LANG_KEY}=${next}; path=/; max-age=31536000; samesite=lax`;
    renderAll();
  }

  function select(next: AgendaSelection): void {
    sel = next;
    asked = null;
    try {
      root.ownerDocument.defaultView?.history.replaceState(null, '', `${url.pathname}${query(sel)}`);
    } catch {
      // A sandboxed document may refuse; the selection still applies.
    }
    renderAll();
  }

  function enableShare(): void {
    const btn = region('ag-share');
    if (btn) btn.hidden = false;
  }

  async function share(): Promise<void> {
    const t = agendaT(lang);
    const nav = root.ownerDocument.defaultView?.navigator;
    const text = t('agenda.shareText', { title: data.event.title });
    const note = region('ag-note');
    try {
      if (nav?.share) {
        await nav.share({ title: data.event.title, text, url: pageUrl });
        return;
      }
      if (nav?.clipboard && root.ownerDocument.defaultView?.isSecureContext) {
        await nav.clipboard.writeText(pageUrl);
        if (note) note.textContent = t('agenda.copied');
        return;
      }
    } catch {
      // Cancelled by the user, or refused: fall through to the QR code, which always works.
    }
    region('ag-qr')?.setAttribute('open', '');
  }

  // "toggle" does not bubble; captured here it survives every re-render of the list.
  root.addEventListener(
    'toggle',
    (ev) => {
      if (ev.target instanceof HTMLElement && ev.target.id === 'ag-past') pastOpen = ev.target.hasAttribute('open');
    },
    true,
  );

  root.addEventListener('click', (ev) => {
    const target = ev.target instanceof Element ? ev.target.closest('a, button') : null;
    if (!(target instanceof HTMLElement)) return;
    const day = target.dataset.day;
    const stage = target.dataset.stage;
    if (day !== undefined) {
      ev.preventDefault();
      select({ ...sel, dayId: day });
    } else if (target.dataset.all !== undefined) {
      ev.preventDefault();
      select({ ...sel, all: true });
    } else if (stage !== undefined) {
      ev.preventDefault();
      select({ dayId: sel.dayId, stageId: stage });
    } else if (target.id === 'ag-lang') {
      ev.preventDefault();
      setLang(lang === 'vi' ? 'en' : 'vi');
    } else if (target.id === 'ag-share') {
      ev.preventDefault();
      void share();
    }
  });

  const live: Live = env.connect(sel.stageId, {
    runState: (s) => changed(withRunState(data, s, serverNow())),
    programme: (p) => {
      const before = data.revision;
      changed(withProgramme(data, p, serverNow()));
      // A new programme may add stages: every stage's feed again (watched stages stay watched).
      if (data.revision !== before) {
        live.watch(sel.stageId);
        renderAll();
      }
    },
    link: (state) => {
      link = state;
      renderLive();
    },
    clock: (offset) => {
      offsetMs = offset;
    },
  });

  renderAll();
  const timer = env.autoTick === false ? null : setInterval(renderLive, TICK_MS);

  return {
    tick: renderLive,
    state: () => ({ data, lang, sel, link, lastUpdate }),
    close() {
      if (timer) clearInterval(timer);
      live.close();
    },
  };
}

function markMore(strip: HTMLElement): void {
  const left = strip.scrollLeft > 1;
  const right = strip.scrollLeft + strip.clientWidth < strip.scrollWidth - 1;
  strip.dataset.more = left && right ? 'both' : left ? 'left' : right ? 'right' : 'none';
}

/** A selector that finds the same control after a re-render (ids are letters, digits, "-" and "_" by the schema). */
function focusKeyOf(el: HTMLElement): string | null {
  const safe = (v: string) => /^[A-Za-z0-9_-]+$/.test(v);
  if (el.dataset.day && safe(el.dataset.day)) return `[data-day="${el.dataset.day}"]`;
  if (el.dataset.stage && safe(el.dataset.stage)) return `[data-stage="${el.dataset.stage}"]`;
  return el.id && safe(el.id) ? `#${el.id}` : null;
}

function initialLang(storage: AgendaEnv['storage'], rendered: string): Lang {
  try {
    const saved = storage?.getItem(LANG_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Blocked storage: keep what the server rendered.
  }
  return isLang(rendered) ? rendered : 'vi';
}

function readStored(storage: AgendaEnv['storage']): AgendaData | null {
  try {
    const raw = storage?.getItem(STORE_KEY);
    if (!raw) return null;
    // `snapshots`: the name earlier page versions stored the run states under.
    const d = JSON.parse(raw) as AgendaData & { snapshots?: AgendaData['runStates'] };
    if (!(typeof d?.revision === 'number' && typeof d.asOf === 'number' && d.event && d.plan)) return null;
    // A copy kept by an earlier version of this page may hold stage states of another shape: its
    // programme is still good, its states are not (the socket brings fresh ones).
    const { snapshots, ...rest } = d;
    const runStates = Object.fromEntries(Object.entries(d.runStates ?? snapshots ?? {}).filter(([, s]) => typeof s?.run?.actuals === 'object'));
    return { ...rest, runStates };
  } catch {
    return null;
  }
}
