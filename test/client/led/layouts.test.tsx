import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { FitText } from '../../../client/components/FitText.tsx';
import { LayoutView } from '../../../client/views/led/LayoutView.tsx';
import { setLang } from '../../../client/i18n/lang.ts';
import { initialShowState, showStore } from '../../../client/store/show.store.ts';
import { at, MIN } from '../../support/factories.ts';
import { LONG_TITLE, loadShow } from './data.ts';
import { box, fitsModel, fontPx, installLayoutModel, removeLayoutModel } from './measure.ts';

beforeAll(installLayoutModel);
afterAll(removeLayoutModel);
afterEach(() => {
  showStore.setState(initialShowState());
  setLang('vi');
  box.w = 800;
  box.h = 200;
});

const inner = (testId: string) => screen.getByTestId(testId).querySelector<HTMLElement>('.fit-inner')!;

/** Fitted as large as possible: it fits, and one pixel more would not. */
function expectTightFit(el: HTMLElement) {
  expect(fitsModel(el)).toBe(true);
  const size = fontPx(el);
  el.style.fontSize = `${size + 1}px`;
  const bigger = fitsModel(el);
  el.style.fontSize = `${size}px`;
  if (size < box.h) expect(bigger).toBe(false);
}

const ROWS: [string | null, number, { title: string; performer?: string; kind?: 'opening' }][] = [
  ['15:00', 60, { title: LONG_TITLE, performer: 'Người dân, du khách và các doanh nghiệp' }],
  [null, 10, { title: 'Trao giải cho cuộc thi' }],
  ['17:00', 15, { title: 'Khai mạc', kind: 'opening' }],
  [null, 5, { title: 'Tuyên bố lý do, giới thiệu đại biểu' }],
];

describe('FitText', () => {
  it('fills a box with a short title as large as the box allows', () => {
    render(<FitText text="Khai mạc" testId="t" />);
    const el = inner('t');
    expectTightFit(el);
    expect(fontPx(el)).toBeGreaterThan(140);
  });

  it('wraps a very long Vietnamese title between words and shrinks it until it fits, keeping every word', () => {
    render(<FitText text={LONG_TITLE} testId="t" />);
    const el = inner('t');
    expect(el.textContent).toBe(LONG_TITLE);
    expectTightFit(el);
    expect(fontPx(el)).toBeLessThan(60);
    expect(fontPx(el)).toBeGreaterThan(20);
  });

  it('shrinks a single unbreakable word (a URL) to the width of the box', () => {
    render(<FitText text="ngayhoichuyendoiso.khanhhoa.gov.vn/chuong-trinh" nowrap testId="t" />);
    expectTightFit(inner('t'));
  });

  it('respects a maximum size and a minimum size', () => {
    render(
      <>
        <FitText text="Tiếp theo" maxPx={40} testId="a" />
        <FitText text={LONG_TITLE.repeat(20)} minPx={10} testId="b" />
      </>,
    );
    expect(fontPx(inner('a'))).toBe(40);
    expect(fontPx(inner('b'))).toBe(10);
  });

  it('keeps a ticking countdown at its size, and refits once a new text no longer fits', () => {
    const { rerender } = render(<FitText text="11:11" fitKey="00:00" nowrap testId="t" />);
    const first = fontPx(inner('t'));
    rerender(<FitText text="11:10" fitKey="00:00" nowrap testId="t" />);
    expect(fontPx(inner('t'))).toBe(first);
    // Same key but a wider text (a font whose digits differ in width does this) must not overflow.
    rerender(<FitText text="11:10:00:00:00" fitKey="00:00" nowrap testId="t" />);
    expect(fontPx(inner('t'))).toBeLessThan(first);
    expectTightFit(inner('t'));
  });
});

describe('LED layouts', () => {
  it('now/next: the running segment with its performer, countdown and what comes next', () => {
    const now = at('15:01');
    loadShow(ROWS, [[{ type: 'start' }, at('15:00')]], now);
    render(<LayoutView layout={{ type: 'now-next' }} width={1920} height={1080} now={now} />);
    expect(screen.getByTestId('led-label').textContent).toBe('Đang diễn ra');
    expect(screen.getByTestId('led-title').textContent).toBe(LONG_TITLE);
    expect(screen.getByTestId('led-performer').textContent).toBe('Người dân, du khách và các doanh nghiệp');
    expect(screen.getByTestId('led-timer').textContent).toBe('59:00');
    expect(screen.getByTestId('led-next').textContent).toBe('Tiếp theo · 16:00: Trao giải cho cuộc thi');
    expectTightFit(inner('led-title'));
  });

  it('now/next: a wall facing the hall never shows overtime by default, only the title and what is next', () => {
    const now = at('16:02', 5);
    loadShow(ROWS, [[{ type: 'start' }, at('15:00')]], now);
    render(<LayoutView layout={{ type: 'now-next' }} width={1920} height={1080} now={now} />);
    expect(screen.getByTestId('led-label').textContent).toBe('Đang diễn ra');
    expect(screen.getByTestId('led-title').textContent).toBe(LONG_TITLE);
    expect(screen.getByTestId('led-next').textContent).toBe('Tiếp theo · 16:02: Trao giải cho cuộc thi');
    expect(screen.queryByTestId('led-timer')).toBeNull();
    expect(document.body.textContent).not.toMatch(/\+\d\d:\d\d|Quá giờ/);
  });

  it('now/next: the technician may hide the countdown, and show the clock and the logo', () => {
    const now = at('15:01');
    loadShow(ROWS, [[{ type: 'start' }, at('15:00')]], now);
    const p = showStore.getState().programme!;
    showStore.setState({ programme: { ...p, programme: { ...p.programme, event: { ...p.programme.event, logoUrl: '/api/v1/logo?v=abc' } } } });
    render(<LayoutView layout={{ type: 'now-next', show: { countdown: false, clock: true, logo: true } }} width={1920} height={1080} now={now} />);
    expect(screen.queryByTestId('led-timer')).toBeNull();
    expect(screen.getByTestId('led-clock').textContent).toBe('15:01');
    expect(screen.getByTestId('led-logo').getAttribute('src')).toBe('/api/v1/logo?v=abc');
  });

  it('now/next: counts overtime up with a plus sign and says so when the technician shows it', () => {
    const now = at('16:02', 5);
    loadShow(ROWS, [[{ type: 'start' }, at('15:00')]], now);
    render(<LayoutView layout={{ type: 'now-next', show: { overtime: true } }} width={1280} height={720} now={now} />);
    expect(screen.getByTestId('led-label').textContent).toBe('Quá giờ');
    expect(screen.getByTestId('led-timer').textContent).toBe('+02:05');
    expect(screen.getByTestId('led-timer').className).toContain('tone-overtime');
  });

  it('now/next: before the show, the first segment and a countdown to it; in English on the switch', () => {
    const now = at('14:30');
    loadShow(ROWS, [], now);
    setLang('en');
    render(<LayoutView layout={{ type: 'now-next' }} width={1920} height={480} now={now} />);
    expect(screen.getByTestId('led-label').textContent).toBe('Next · 15:00');
    expect(screen.getByTestId('led-title').textContent).toBe(LONG_TITLE);
    expect(screen.getByTestId('led-timer').textContent).toBe('30:00');
    expect(document.querySelector('[data-shape]')?.getAttribute('data-shape')).toBe('strip');
  });

  it('agenda: today in order with printed times, the current segment highlighted', () => {
    const now = at('17:03');
    loadShow(ROWS, [[{ type: 'goto', segmentId: 's3' }, at('17:00')]], now);
    render(<LayoutView layout={{ type: 'agenda' }} width={1920} height={1080} now={now} />);
    const rows = [...screen.getByTestId('led-agenda-list').querySelectorAll('li')];
    expect(rows.map((r) => r.querySelector('.led-agenda-time')?.textContent)).toEqual(['15:00', '16:00', '17:00', '17:15']);
    expect(rows.map((r) => r.hasAttribute('data-current'))).toEqual([false, false, true, false]);
    expect(rows[2]?.textContent).toContain('Khai mạc');
    expect(screen.getByTestId('led-agenda-heading').textContent).toBe('Chương trình hôm nay');
  });

  it('agenda: one text size for the whole page; the highlighted row and long titles are not set smaller', () => {
    box.w = 600;
    box.h = 60;
    const now = at('17:03');
    loadShow(ROWS, [[{ type: 'goto', segmentId: 's3' }, at('17:00')]], now);
    render(<LayoutView layout={{ type: 'agenda' }} width={1920} height={1080} now={now} />);
    const titles = [...screen.getByTestId('led-agenda-list').querySelectorAll<HTMLElement>('.led-agenda-title .fit-inner')];
    expect(titles.map((el) => el.textContent)).toContain(LONG_TITLE);
    const sizes = titles.map(fontPx);
    expect(new Set(sizes).size).toBe(1);
    // The one size is the largest at which every title fits, the long one included.
    for (const el of titles) expect(fitsModel(el)).toBe(true);
    const long = titles.find((el) => el.textContent === LONG_TITLE)!;
    long.style.fontSize = `${fontPx(long) + 1}px`;
    expect(fitsModel(long)).toBe(false);
  });

  it('agenda: shows the projected start beside the printed one when the show runs late, as the phone does', () => {
    // s1 started 2 h 46 late and still runs: everything after it moves.
    const now = at('17:50');
    loadShow(ROWS, [[{ type: 'start' }, at('17:46')]], now);
    render(<LayoutView layout={{ type: 'agenda' }} width={1920} height={1080} now={now} />);
    const rows = [...screen.getByTestId('led-agenda-list').querySelectorAll('li')];
    const projected = rows.map((r) => r.querySelector('[data-testid=led-agenda-projected]')?.textContent ?? null);
    expect(projected).toEqual(['17:46', '18:46', '18:56', '19:11']);
    expect(rows.map((r) => r.querySelector('.led-agenda-planned')?.textContent)).toEqual(['15:00', '16:00', '17:00', '17:15']);
  });

  it('agenda: a row on time shows its printed time only', () => {
    const now = at('15:05');
    loadShow(ROWS, [[{ type: 'start' }, at('15:00')]], now);
    render(<LayoutView layout={{ type: 'agenda' }} width={1920} height={1080} now={now} />);
    expect(screen.queryAllByTestId('led-agenda-projected')).toEqual([]);
  });

  it('agenda: pages by itself on a strip too short for the day', () => {
    const many = Array.from({ length: 12 }, (_, i): [string | null, number, { title: string }] => [i === 0 ? '08:00' : null, 30, { title: `Tiết mục số ${i + 1}` }]);
    const now = 24 * 60 * MIN * 0 + at('08:10');
    loadShow(many, [], now);
    const { rerender } = render(<LayoutView layout={{ type: 'agenda' }} width={1920} height={480} now={now - (now % 8000)} />);
    const heading = () => screen.getByTestId('led-agenda-heading').textContent ?? '';
    const first = heading();
    expect(first).toMatch(/Trang \d\/\d/);
    const pages = Number(/\/(\d)/.exec(first)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const rowsOnPage = screen.getByTestId('led-agenda-list').querySelectorAll('li').length;
    expect(rowsOnPage * pages).toBeGreaterThanOrEqual(12);
    rerender(<LayoutView layout={{ type: 'agenda' }} width={1920} height={480} now={now - (now % 8000) + 8000} />);
    expect(heading()).not.toBe(first);
  });

  it('countdown: "Khai mạc sau 12:34" to the segment, then says it is on', () => {
    // s2 runs over; s3 is fixed at 17:00, so the countdown is to 17:00.
    const now = at('16:47', 26);
    loadShow(ROWS, [[{ type: 'start' }, at('15:00')], [{ type: 'next' }, at('16:00')]], now);
    const { rerender } = render(<LayoutView layout={{ type: 'countdown', segmentId: 's3' }} width={1920} height={1080} now={now} />);
    expect(screen.getByTestId('led-cd-title').textContent).toBe('Khai mạc sau');
    expect(screen.getByTestId('led-timer').textContent).toBe('12:34');

    loadShow(ROWS, [[{ type: 'goto', segmentId: 's3' }, at('17:00')]], at('17:01'));
    rerender(<LayoutView layout={{ type: 'countdown', segmentId: 's3', label: 'Lễ khai mạc' }} width={1920} height={1080} now={at('17:01')} />);
    expect(screen.getByTestId('led-cd-title').textContent).toBe('Lễ khai mạc đang diễn ra');
    expect(screen.queryByTestId('led-timer')).toBeNull();

    rerender(<LayoutView layout={{ type: 'countdown', segmentId: 'nope' }} width={1920} height={1080} now={at('17:01')} />);
    expect(screen.getByTestId('led-cd-title').textContent).toBe('Không tìm thấy tiết mục');
  });

  it('QR: a code for the agenda on this server, its short address and a line of text', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 503 })));
    loadShow(ROWS, [], at('14:00'));
    render(<LayoutView layout={{ type: 'qr' }} width={1080} height={1920} now={at('14:00')} />);
    const img = await waitFor(() => screen.getByTestId('led-qr'));
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(decodeURIComponent(img.getAttribute('src')!)).toContain('<svg');
    expect(img.getAttribute('alt')).toBe(`${location.origin}/agenda`);
    expect(screen.getByTestId('led-qr-url').textContent).toBe(`${location.host}/agenda`);
    expect(screen.getByTestId('led-qr-text').textContent).toBe('Quét mã để xem chương trình');
    vi.unstubAllGlobals();
  });

  it('QR: the agenda on the server\'s public address, not the one this player opened', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ publicUrl: 'http://192.168.1.20:3000' }), { status: 200 })));
    loadShow(ROWS, [], at('14:00'));
    render(<LayoutView layout={{ type: 'qr' }} width={1080} height={1920} now={at('14:00')} />);
    await waitFor(() => expect(screen.getByTestId('led-qr').getAttribute('alt')).toBe('http://192.168.1.20:3000/agenda'));
    expect(screen.getByTestId('led-qr-url').textContent).toBe('192.168.1.20:3000/agenda');
    vi.unstubAllGlobals();
  });

  it('message: the text, whole and fitted', () => {
    render(<LayoutView layout={{ type: 'message', text: LONG_TITLE }} width={1920} height={1080} now={0} />);
    expect(screen.getByTestId('led-message').textContent).toBe(LONG_TITLE);
    expectTightFit(inner('led-message'));
  });

  it('holding: event title and theme, and no logo from outside the venue', () => {
    loadShow(ROWS, [], at('14:00'));
    render(<LayoutView layout={{ type: 'holding' }} width={1920} height={1080} now={0} />);
    expect(screen.getByTestId('led-holding-title').textContent).toBe('Ngày Hội công nghệ số tỉnh Khánh Hòa năm 2025');
    expect(screen.getByText('Chuyển đổi số toàn dân, toàn diện')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('black: nothing at all', () => {
    loadShow(ROWS, [[{ type: 'start' }, at('15:00')]], at('15:01'));
    const { container } = render(<LayoutView layout={{ type: 'black' }} width={1920} height={1080} now={at('15:01')} />);
    expect(container.textContent).toBe('');
    expect(container.querySelector('[data-layout=black]')).not.toBeNull();
  });
});
