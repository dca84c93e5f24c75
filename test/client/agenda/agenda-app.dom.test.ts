import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, getByRole, queryByText, within } from '@testing-library/dom';
import { mountAgenda, STORE_KEY, type AgendaApp } from '../../../client/views/agenda/app.ts';
import type { LiveHandlers } from '../../../client/views/agenda/live.ts';
import type { Snapshot } from '../../../shared/protocol.ts';
import { at, DAY, makeProgramme } from '../../support/factories.ts';
import { Programme } from '../../../shared/model/programme.schema.ts';
import { dataOf, payloadOf, snapshotAfter, twoDayProgramme } from './helpers.ts';

/** A socket stand-in the test drives: what the server would push, when the test says so. */
function fakeLive() {
  const f = { handlers: null as LiveHandlers | null, watched: [] as string[], closed: false };
  const connect = (stageId: string, h: LiveHandlers) => {
    f.handlers = h;
    f.watched.push(stageId);
    return { watch: (id: string) => void f.watched.push(id), close: () => void (f.closed = true) };
  };
  return { f, connect };
}

let root: HTMLElement;
let app: AgendaApp | null = null;
let clock = at('16:50');

function mount(p = twoDayProgramme(), snaps: Snapshot[] = [], url = 'http://venue.lan/agenda') {
  const live = fakeLive();
  app = mountAgenda({
    root,
    data: dataOf(p, snaps, clock),
    connect: live.connect,
    storage: localStorage,
    now: () => clock,
    url: new URL(url),
    autoTick: false,
  });
  return live.f;
}

const row = (id: string) => root.querySelector<HTMLElement>(`#seg-${id}`)!;

beforeEach(() => {
  root = document.createElement('div');
  root.id = 'agenda';
  document.body.appendChild(root);
  document.documentElement.lang = 'vi';
  clock = at('16:50');
});
afterEach(() => {
  app?.close();
  app = null;
  root.remove();
  document.cookie = 'ros.lang=; max-age=0; path=/';
});

describe('agenda page (DOM)', () => {
  it('renders real headings, a list per section and Vietnamese labels, with times in Vietnam', () => {
    mount();
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe('Ngày hội <thử>');
    expect(getByRole(root, 'heading', { level: 2 }).textContent).toContain('Ngày thứ 1');
    expect(getByRole(root, 'heading', { level: 3, name: 'KHAI MẠC' })).toBeTruthy();
    const list = root.querySelector<HTMLElement>('ol.ag-rows')!;
    expect(list.closest('#ag-main')).not.toBeNull();
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(row('welcome').querySelector('.ag-time')!.textContent).toBe('17:00–17:15');
    expect(getByRole(root, 'navigation', { name: 'Chọn ngày' })).toBeTruthy();
    // One stage: no stage filter.
    expect(root.querySelector('[aria-label="Chọn sân khấu"]')).toBeNull();
    // Before the show: by the plan, the first row to come is next.
    expect(row('welcome').dataset.status).toBe('next');
    expect(within(row('welcome')).getByText('Tiếp theo')).toBeTruthy();
  });

  it('moves the now and next badges when a snapshot arrives, with a progress bar on the current row', () => {
    const f = mount();
    const p = twoDayProgramme();
    clock = at('17:03');
    f.handlers!.runState(snapshotAfter(p, [[{ type: 'start' }, at('17:00')]], clock));
    expect(row('welcome').dataset.status).toBe('now');
    expect(within(row('welcome')).getByText('Đang diễn ra')).toBeTruthy();
    expect(within(row('welcome')).getByRole('progressbar', { name: 'Tiến độ tiết mục' }).getAttribute('value')).toBe('20');
    expect(within(row('welcome')).getByText('Còn khoảng 12 phút')).toBeTruthy();
    expect(row('guests').dataset.status).toBe('next');
    expect(root.querySelectorAll('[aria-current="true"]')).toHaveLength(1);

    clock = at('17:15');
    f.handlers!.runState(snapshotAfter(p, [[{ type: 'start' }, at('17:00')], [{ type: 'next' }, at('17:15')]], clock));
    expect(row('welcome').dataset.status).toBe('past');
    expect(row('guests').dataset.status).toBe('now');
    expect(row('speech').dataset.status).toBe('next');
    expect(root.querySelector('#ag-status')!.textContent).toMatch(/Cập nhật lúc 17:15:00$/);
  });

  it('shows the delay banner from the live state and removes it once the show catches up', () => {
    const f = mount();
    const p = twoDayProgramme();
    expect(root.querySelector('#ag-banner')!.textContent).toBe('');
    clock = at('17:10');
    f.handlers!.runState(snapshotAfter(p, [[{ type: 'start' }, at('17:10')]], clock));
    expect(root.querySelector('#ag-banner')!.textContent).toBe('Chương trình đang chậm khoảng 10 phút');
    // The projected time shows beside the planned one.
    expect(row('guests').querySelector('.ag-shift')!.textContent).toContain('17:25');
    clock = at('17:12');
    f.handlers!.runState(snapshotAfter(p, [[{ type: 'start' }, at('17:10')], [{ type: 'next' }, at('17:12')]], clock));
    expect(root.querySelector('#ag-banner')!.textContent).toBe('');
  });

  it('counts overtime into the banner as time passes, with no message from the server', () => {
    const f = mount();
    const p = twoDayProgramme();
    clock = at('17:00');
    f.handlers!.runState(snapshotAfter(p, [[{ type: 'start' }, at('17:00')]], clock));
    expect(root.querySelector('#ag-banner')!.textContent).toBe('');
    clock = at('17:21');
    app!.tick();
    expect(root.querySelector('#ag-banner')!.textContent).toBe('Chương trình đang chậm khoảng 6 phút');
    expect(within(row('welcome')).getByText('Quá giờ 6 phút')).toBeTruthy();
  });

  it('switches day without a reload and keeps the focus on the tab', () => {
    mount();
    const tab = getByRole(root, 'link', { name: /Ngày thứ 2/ });
    tab.focus();
    fireEvent.click(tab);
    expect(getByRole(root, 'heading', { level: 2 }).textContent).toContain('Ngày thứ 2');
    expect(row('workshop')).toBeTruthy();
    expect(root.querySelector('#seg-welcome')).toBeNull();
    expect(getByRole(root, 'link', { name: /Ngày thứ 2/ }).getAttribute('aria-current')).toBe('page');
    expect((document.activeElement as HTMLElement).dataset.day).toBe('d2');
    expect(location.search).toBe('?day=d2&stage=main');
  });

  it('offers a stage filter when there is more than one stage; every stage is followed from the start', () => {
    const f = mount(twoDayProgramme([{ id: 'main', name: 'Sân khấu chính' }, { id: 'expo', name: 'Khu triển lãm' }]));
    const nav = getByRole(root, 'navigation', { name: 'Chọn sân khấu' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Khu triển lãm' }));
    expect(row('expo')).toBeTruthy();
    expect(root.querySelector('#seg-welcome')).toBeNull();
    // The live socket follows every stage (stages:watch), so switching tabs needs no new watch.
    expect(f.watched).toEqual(['main']);
    expect(getByRole(root, 'heading', { level: 2 }).textContent).toContain('Khu triển lãm');
    expect(root.querySelector('#ag-ics')!.getAttribute('href')).toBe('/api/v1/agenda.ics?stage=expo');
  });

  it('all stages: one timeline of the day, each row tagged with its stage and venue, live status and delay per stage', () => {
    const stages = [
      { id: 'main', name: 'Sân khấu chính', venue: 'Trung tâm Hội nghị tỉnh' },
      { id: 'expo', name: 'Khu triển lãm', venue: 'xã Măng Đen' },
    ];
    const p = twoDayProgramme(stages);
    clock = at('17:12');
    // Main started 7 minutes late; the expo stage started on time.
    const main = snapshotAfter(p, [[{ type: 'start', dayId: 'd1' }, at('17:07')]], clock);
    const expo = snapshotAfter(p, [[{ type: 'start', dayId: 'd1' }, at('17:00')]], clock, 'expo');
    const f = mount(p, [main, expo], 'http://venue.lan/agenda?stage=expo');
    const nav = getByRole(root, 'navigation', { name: 'Chọn sân khấu' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Tất cả sân khấu' }));
    expect(getByRole(root, 'heading', { level: 2 }).textContent).toContain('Tất cả sân khấu');
    // One list in time order across both stages, each row saying where it is.
    const rows = Array.from(root.querySelectorAll<HTMLElement>('#ag-list .ag-row'));
    // Main's first segment started at 17:07, so the expo (on since 17:00) comes first.
    expect(rows.map((r) => r.id)).toEqual(['seg-expo', 'seg-welcome', 'seg-guests', 'seg-speech', 'seg-ribbon']);
    expect(row('expo').querySelector('.ag-stage-tag')?.textContent).toBe('Khu triển lãm · xã Măng Đen');
    expect(row('welcome').querySelector('.ag-stage-tag')?.textContent).toBe('Sân khấu chính · Trung tâm Hội nghị tỉnh');
    expect(row('welcome').dataset.status).toBe('now');
    expect(row('expo').dataset.status).toBe('now');
    // Each stage's line: what is on there and whether it runs late.
    const lines = Array.from(root.querySelectorAll<HTMLElement>('#ag-summary .ag-stage-line'));
    expect(lines.map((l) => l.querySelector('.ag-line-what')?.textContent)).toEqual([
      'Đang diễn ra: Ca nhạc chào mừng · Còn khoảng 10 phút',
      'Đang diễn ra: Triển lãm sản phẩm · Còn khoảng 48 phút',
    ]);
    expect(lines.map((l) => l.querySelector('.ag-line-late')?.textContent)).toEqual(['chậm 7 phút', 'đúng giờ']);
    expect(location.search).toBe('?day=d1&stage=expo&all=1');
    expect(root.querySelector('#ag-ics')!.getAttribute('href')).toBe('/api/v1/agenda.ics');
    // A change on one stage reaches the all-stages view live.
    clock = at('17:13');
    f.handlers!.runState(snapshotAfter(p, [[{ type: 'start', dayId: 'd1' }, at('17:00')], [{ type: 'end' }, at('17:13')]], clock, 'expo'));
    expect(row('expo').dataset.status).toBe('past');
    // The stage tabs still show one stage at a time.
    fireEvent.click(within(getByRole(root, 'navigation', { name: 'Chọn sân khấu' })).getByRole('link', { name: /Sân khấu chính/ }));
    expect(root.querySelector('#seg-expo')).toBeNull();
  });

  it('a link naming no stage says so and lists the stages to choose from', () => {
    mount(twoDayProgramme([{ id: 'main', name: 'Sân khấu chính' }, { id: 'expo', name: 'Khu triển lãm' }]), [], 'http://venue.lan/agenda?stage=stage');
    const alert = getByRole(root, 'alert');
    expect(alert.textContent).toContain('Không có sân khấu “stage”. Chọn một sân khấu:');
    fireEvent.click(within(alert).getByRole('link', { name: 'Khu triển lãm' }));
    expect(root.querySelector('.ag-unknown')).toBeNull();
    expect(row('expo')).toBeTruthy();
  });

  it('finds a stage named in the link, whatever the case and diacritics', () => {
    mount(twoDayProgramme([{ id: 'main', name: 'Sân khấu chính' }, { id: 'expo', name: 'Khu triển lãm' }]), [], 'http://venue.lan/agenda?stage=khu%20TRIEN%20lam');
    expect(root.querySelector('.ag-unknown')).toBeNull();
    expect(row('expo')).toBeTruthy();
  });

  it('switches to English in one tap and remembers it', () => {
    mount();
    const toggle = getByRole(root, 'link', { name: 'Ngôn ngữ: English' });
    fireEvent.click(toggle);
    expect(document.documentElement.lang).toBe('en');
    expect(getByRole(root, 'heading', { level: 2 }).textContent).toContain('Day 1');
    expect(within(row('welcome')).getByText('Next')).toBeTruthy();
    expect(localStorage.getItem('ros.lang')).toBe('en');
    expect(document.cookie).toContain('ros.lang=en');
    app!.close();
    root.innerHTML = '';
    mount();
    expect(getByRole(root, 'link', { name: 'Language: Tiếng Việt' })).toBeTruthy();
    expect(queryByText(root, 'Tiếp theo')).toBeNull();
  });

  it('picks up a new programme revision and asks for a fresh snapshot', () => {
    const f = mount();
    const edited = twoDayProgramme();
    edited.segments[0]!.title = 'Ca nhạc chào mừng (đổi)';
    f.handlers!.programme(payloadOf(edited, 2));
    expect(row('welcome').textContent).toContain('Ca nhạc chào mừng (đổi)');
    expect(f.watched.at(-1)).toBe('main');
    expect(JSON.parse(localStorage.getItem('ros.agenda.data')!).revision).toBe(2);
  });

  it('says when it lost the connection and when it last heard from the server', () => {
    const f = mount();
    f.handlers!.link('online');
    expect(root.querySelector('#ag-status')!.textContent).toMatch(/^Trực tiếp · Cập nhật lúc 16:50:00$/);
    f.handlers!.link('offline');
    expect(root.querySelector('#ag-status')!.textContent).toMatch(/^Mất kết nối — đang thử lại · Cập nhật lúc 16:50:00$/);
  });

  it('keeps the programme of a stored copy from an earlier version but not its stage states of another shape', () => {
    const p = twoDayProgramme();
    const { runStates: _, ...stored } = dataOf(p, [], clock + 60_000);
    // As an earlier version stored it: a derived snapshot without the run it came from.
    localStorage.setItem(STORE_KEY, JSON.stringify({ ...stored, snapshots: { main: { stageId: 'main', version: 3, programmeRevision: 1, phase: 'running', currentId: 'welcome' } } }));
    try {
      mount(p);
      expect(row('welcome').dataset.status).not.toBe('now');
      expect(root.querySelectorAll('.ag-row').length).toBe(4);
    } finally {
      localStorage.removeItem(STORE_KEY);
    }
  });

  it('keeps the run states of a copy stored under their earlier name (snapshots)', () => {
    const p = twoDayProgramme();
    clock = at('17:03');
    const started = snapshotAfter(p, [[{ type: 'start' }, at('17:00')]], clock);
    const { runStates, ...stored } = dataOf(p, [started], clock + 60_000);
    localStorage.setItem(STORE_KEY, JSON.stringify({ ...stored, snapshots: runStates }));
    try {
      mount(p);
      expect(row('welcome').dataset.status).toBe('now');
    } finally {
      localStorage.removeItem(STORE_KEY);
    }
  });

  it('shows Vietnamese times on a phone set to another zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date(at('17:00')).getHours()).not.toBe(17);
      mount();
      expect(row('welcome').querySelector('.ag-time')!.textContent).toBe('17:00–17:15');
      expect(root.querySelector('.ag-tz')!.textContent).toBe('Giờ GMT+7');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('agenda page with eight segments done', () => {
  /** Ten 10-minute rows from 17:00 on day 1; one row on day 2. */
  const longDay = () =>
    makeProgramme(
      [
        ...Array.from({ length: 10 }, (_, i): [string | null, number, { id: string; title: string }] => [i === 0 ? '17:00' : null, 10, { id: `r${i + 1}`, title: `Tiết mục ${i + 1}` }]),
        ['08:00', 60, { id: 'other', dayId: 'd2', title: 'Hội thảo' }],
      ],
      {
        event: Programme.shape.event.parse({
          title: 'Ngày hội',
          timeZone: 'Asia/Ho_Chi_Minh',
          days: [
            { id: 'd1', date: DAY, label: 'Ngày thứ 1' },
            { id: 'd2', date: '2025-07-12', label: 'Ngày thứ 2' },
          ],
          stages: [{ id: 'main', name: 'Sân khấu chính' }],
        }),
      },
    );
  const eightDone = (p: Programme) =>
    snapshotAfter(p, [[{ type: 'start' }, at('17:00')], ...Array.from({ length: 8 }, (_, i): [{ type: 'next' }, number] => [{ type: 'next' }, at('17:00') + (i + 1) * 600_000])], at('18:25'));

  it('opens with now and next at the top, the finished rows folded, and the list starting at the current segment', () => {
    clock = at('18:25');
    const p = longDay();
    mount(p, [eightDone(p)]);
    const summary = root.querySelector<HTMLElement>('#ag-summary')!;
    expect(summary.textContent).toBe('Đang diễn ra · Còn khoảng 5 phútTiết mục 9Tiếp theo · lúc 18:30Tiết mục 10');
    expect(summary.querySelector('a')?.getAttribute('href')).toBe('#seg-r9');
    // Above the day tabs and the list: the first thing under the title.
    const tabs = root.querySelector('.ag-tabs')!;
    expect(summary.compareDocumentPosition(tabs) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const past = root.querySelector<HTMLDetailsElement>('#ag-past')!;
    expect(past.open).toBe(false);
    expect(past.querySelector('summary')?.textContent).toBe('Đã qua 8 tiết mục — xem lại');
    expect(Array.from(past.querySelectorAll('.ag-row')).map((r) => r.id)).toEqual(Array.from({ length: 8 }, (_, i) => `seg-r${i + 1}`));
    // The first row the list shows is the one on now.
    const shown = Array.from(root.querySelectorAll<HTMLElement>('#ag-list .ag-row')).filter((r) => !r.closest('#ag-past'));
    expect(shown[0]?.id).toBe('seg-r9');
  });

  it('keeps the summary on what is on now while another day is browsed, and the folded rows open once opened', () => {
    clock = at('18:25');
    const p = longDay();
    mount(p, [eightDone(p)]);
    const past = root.querySelector<HTMLDetailsElement>('#ag-past')!;
    past.open = true;
    fireEvent(past, new Event('toggle'));
    clock = at('18:26');
    app!.tick();
    expect(root.querySelector<HTMLDetailsElement>('#ag-past')?.open).toBe(true);
    fireEvent.click(getByRole(root, 'link', { name: /Ngày thứ 2/ }));
    expect(root.querySelector('#ag-summary')?.textContent).toContain('Tiết mục 9');
    expect(root.querySelector('#ag-day')?.textContent).toContain('Ngày thứ 2');
  });
});
