import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { DateTime } from 'luxon';
import { Programme } from '../../shared/model/programme.schema.ts';
import { awayFromHalfMinute, lateOpeningProgramme } from '../support/agenda-programme.ts';

const TZ = 'Asia/Ho_Chi_Minh';
import { loginToken, ROOT, startTestServer, type TestServer } from '../support/server.ts';

const CLIENT = join(ROOT, 'dist/client');

async function control(server: TestServer, token: string, action: string): Promise<void> {
  const r = await fetch(`${server.url}/api/v1/control/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });
  if (!r.ok) throw new Error(`${action}: ${r.status} ${await r.text()}`);
}

/** Every visible text element under 16 px or under WCAG AA contrast (4.5:1) against its painted background. */
function readabilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = (c: number[]) => {
      const [r = 0, g = 0, b = 0] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && (c[3] ?? 0) > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const text = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      // Hidden text, the progress element's fallback text and screen-reader-only text are not painted.
      if (!text || el.closest('.visually-hidden, [hidden], progress') || el.getClientRects().length === 0) continue;
      const cs = getComputedStyle(el);
      const l1 = lum(rgb(cs.color).slice(0, 3));
      const l2 = lum(background(el));
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      if (parseFloat(cs.fontSize) < 16 || ratio < 4.5) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 30)}" ${cs.fontSize} ${ratio.toFixed(2)}:1`);
      }
    }
    return out;
  });
}

const nowId = (page: Page) => page.$eval('.ag-row.is-now', (el) => el.id).catch(() => null);

describe.skipIf(!browserAvailable)('/agenda on a phone-sized Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    if (!existsSync(join(CLIENT, 'agenda.html'))) throw new Error('dist/client/agenda.html missing: run `npx vite build` first');
    await awayFromHalfMinute();
    server = await startTestServer({ clientDir: CLIENT, programme: lateOpeningProgramme(Date.now(), 10) });
    token = await loginToken(server.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the programme at once, moves "now" within a second of the MC, says the show runs 10 minutes late, catches up after a dropped connection, reads offline', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });

    // The server's HTML carries the programme: it is there before any script has run.
    await context.setOffline(false);
    await page.goto(`${server.url}/agenda`, { waitUntil: 'commit' });
    await page.waitForSelector('.ag-row', { state: 'visible' });
    expect(await page.textContent('h1')).toContain('Khánh Hòa');
    expect(await page.$$eval('.ag-row', (rows) => rows.length)).toBe(5);
    await page.waitForFunction(() => document.getElementById('ag-status')?.textContent?.startsWith('Trực tiếp'));
    await page.screenshot({ path: join(ROOT, 'test/screenshots/agenda-before.png'), fullPage: true });

    await control(server, token, 'start');
    await expect.poll(() => nowId(page), { timeout: 1000, interval: 25 }).toBe('seg-d1-welcome-music');
    // Started 10 minutes after its printed time: the banner derives the delay from the live state.
    await expect.poll(() => page.textContent('#ag-banner'), { timeout: 2000 }).toContain('Chương trình đang chậm khoảng 10 phút');
    expect(await readabilityProblems(page)).toEqual([]);
    // The phone is in New York; the times stay Vietnamese: the first row shows the printed HH:mm.
    const printed = server.app.show.programmePayload().programme.segments[0]!.plannedStart!;
    expect(await page.textContent('#seg-d1-welcome-music .ag-time')).toContain(printed);

    const t0 = Date.now();
    await control(server, token, 'next');
    await expect.poll(() => nowId(page), { timeout: 1000, interval: 25 }).toBe('seg-d1-guests');
    const moved = Date.now() - t0;
    expect(moved).toBeLessThan(1000);
    expect(await page.getAttribute('#seg-d1-welcome-music', 'data-status')).toBe('past');
    expect(await page.getAttribute('#seg-d1-opening-speech', 'data-status')).toBe('next');
    // The 15-minute welcome ran only seconds, so the guests start 5 minutes early: no more delay.
    await expect.poll(() => page.textContent('#ag-banner')).toBe('');
    await page.screenshot({ path: join(ROOT, 'test/screenshots/agenda-live.png'), fullPage: true });
    await page.click('#ag-qr summary');
    expect(await readabilityProblems(page)).toEqual([]);
    expect(await page.$eval('#ag-qr svg', (svg) => svg.getBoundingClientRect().width)).toBeGreaterThan(150);
    await page.screenshot({ path: join(ROOT, 'test/screenshots/agenda-qr.png'), fullPage: true });

    // A dropped connection: the MC moves on meanwhile; the phone reconnects and catches up by itself.
    server.app.live.io.disconnectSockets(true);
    await expect.poll(() => page.getAttribute('#ag-status', 'data-link')).not.toBe('online');
    await control(server, token, 'next');
    await expect.poll(() => nowId(page), { timeout: 15_000 }).toBe('seg-d1-opening-speech');
    await expect.poll(() => page.textContent('#ag-status')).toMatch(/^Trực tiếp · Cập nhật lúc \d\d:\d\d:\d\d$/);

    // English one tap away, remembered across a reload.
    await page.click('#ag-lang');
    await expect.poll(() => page.textContent('.ag-badge-now')).toBe('Now');
    expect(await page.textContent('.ag-badge-next')).toBe('Next');
    await page.reload();
    await page.waitForSelector('.ag-row');
    expect(await page.textContent('.ag-badge-now')).toBe('Now');
    await page.screenshot({ path: join(ROOT, 'test/screenshots/agenda-en.png'), fullPage: false });

    expect(problems).toEqual([]);

    // Offline: the service worker's copy of the page, brought up to date from the phone's stored copy.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('.ag-row', { state: 'visible' });
    expect(await page.getAttribute('#seg-d1-opening-speech', 'data-status')).toBe('now');
    await expect.poll(() => page.textContent('#ag-status')).toMatch(/^(Disconnected|Connecting)/);
    await page.screenshot({ path: join(ROOT, 'test/screenshots/agenda-offline.png') });
    await context.setOffline(false);

    // While offline the socket fails to connect: those errors are expected, nothing else is.
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|socket\.io|WebSocket/i.test(p))).toEqual([]);
    await context.close();
  });
});

describe.skipIf(!browserAvailable)('/agenda on a 390-px phone, four days, eight segments done', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    const today = DateTime.now().setZone(TZ);
    const first = today.minus({ minutes: 95 }).startOf('minute');
    const days = [-1, 0, 1, 2].map((o, i) => ({ id: `d${i + 1}`, date: today.plus({ days: o }).toISODate()!, label: `Ngày thứ ${i + 1}` }));
    const programme = Programme.parse({
      event: { title: 'Tuần lễ Đổi mới sáng tạo và Chuyển đổi số tỉnh Quảng Ngãi năm 2025', timeZone: TZ, days, stages: [{ id: 'main', name: 'Sân khấu chính' }] },
      segments: [
        ...Array.from({ length: 12 }, (_, i) => ({ id: `s${i + 1}`, dayId: 'd2', stageId: 'main', title: `Tiết mục số ${i + 1} của ngày hội`, durationMin: 10, plannedStart: i === 0 ? first.toFormat('HH:mm') : null, fixedStart: i === 0 })),
        ...['d1', 'd3', 'd4'].map((dayId) => ({ id: `x-${dayId}`, dayId, stageId: 'main', title: 'Hội thảo', durationMin: 60, plannedStart: '08:00', fixedStart: true })),
      ],
    });
    server = await startTestServer({ clientDir: CLIENT, programme });
    const token = await loginToken(server.url);
    await control(server, token, 'start');
    for (let i = 0; i < 8; i++) await control(server, token, 'next');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows now and next on the first screen, the current segment without scrolling, and day tabs that do not wrap and scroll within their strip', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/agenda`);
    await page.waitForSelector('#seg-s9.is-now');
    await page.waitForFunction(() => document.querySelector('.ag-tabs ul')?.hasAttribute('data-more'));
    const m = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)?.getBoundingClientRect() ?? null;
      const strip = document.querySelector<HTMLElement>('.ag-tabs ul')!;
      const s = strip.getBoundingClientRect();
      const current = strip.querySelector('[aria-current="page"]')!.getBoundingClientRect();
      return {
        summaryBottom: box('.ag-sum-next')?.bottom ?? null,
        summaryText: document.querySelector('#ag-summary')?.textContent ?? '',
        nowTop: box('#seg-s9')?.top ?? null,
        pageWidth: document.documentElement.scrollWidth,
        // Every line of every tab is one line: no word wrapped inside a tab.
        wrapped: Array.from(strip.querySelectorAll('.ag-tab > *')).filter((el) => el.getClientRects().length !== 1 || el.getBoundingClientRect().height > 30).length,
        scrolls: strip.scrollWidth > strip.clientWidth,
        more: strip.dataset.more,
        currentInView: current.left >= s.left && current.right <= s.right,
      };
    });
    await page.screenshot({ path: join(ROOT, 'test/screenshots/agenda-four-days-390.png') });
    expect(m.summaryText).toContain('Tiết mục số 9 của ngày hội');
    expect(m.summaryText).toContain('Tiết mục số 10 của ngày hội');
    expect(m.summaryBottom).toBeLessThan(844);
    expect(m.nowTop).toBeLessThan(844);
    expect(m.pageWidth).toBe(390);
    expect(m.wrapped).toBe(0);
    expect(m.scrolls).toBe(true);
    expect(m.more).toBe('right');
    expect(m.currentInView).toBe(true);
    await context.close();
  });
});
