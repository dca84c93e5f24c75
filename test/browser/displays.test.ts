import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProgramme } from '../../server/demo/demo-programme.ts';
import type { Programme } from '../../shared/model/programme.schema.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { pairLed } from '../support/led.ts';
import { ADMIN_PASSWORD, ROOT, loginToken, spawnServer, startTestServer, type TestServer } from '../support/server.ts';

const CLIENT = join(ROOT, 'dist/client');
const SHOTS = process.env.SHOTS_DIR ?? join(ROOT, 'test/screenshots');
const LONG_TITLE =
  'Lễ khai mạc Ngày hội Chuyển đổi số tỉnh Khánh Hòa năm 2025: Kết nối người dân, doanh nghiệp và chính quyền số — Vững bước tương lai, nâng cao chất lượng cuộc sống';
const LONG_MESSAGE = 'Xin mời diễn giả kết thúc phần trình bày trong vòng hai phút nữa để chuyển sang lễ cắt băng khai mạc';

type Rect = { left: number; top: number; right: number; bottom: number };
const overlap = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const rectOf = (page: Page, selector: string): Promise<Rect> =>
  page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
/** The box of an element's text itself (a Range), not of its line boxes: what a reader sees. */
const textRectOf = (page: Page, selector: string): Promise<Rect> =>
  page.$eval(selector, (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });

describe.skipIf(!browserAvailable)('display pages in Chromium: first paint, stage timer, MC days, LED agenda', () => {
  let browser: Browser;
  let probe: Page;
  let server: TestServer;
  let token: string;
  let programme: Programme;

  const control = async (action: string, body: Record<string, unknown> = {}) => {
    const r = await fetch(`${server.url}/api/v1/control/${action}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(r.status, `${action}: ${await r.clone().text()}`).toBe(200);
  };
  /** Mean brightness 0…255 of a screenshot, decoded by the browser itself (no image library needed). */
  const brightness = async (png: Buffer): Promise<number> =>
    probe.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
      return sum / (d.length / 4);
    }, png.toString('base64'));

  beforeAll(async () => {
    if (!existsSync(join(CLIENT, 'display.html'))) throw new Error('dist/client is missing or old: run `npx vite build` first');
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
    probe = await browser.newPage();
    programme = demoProgramme(Date.now());
    const first = programme.segments.findIndex((s) => s.dayId === 'd1' && s.stageId === programme.event.stages[0]!.id);
    programme = { ...programme, segments: programme.segments.map((s, i) => (i === first ? { ...s, title: LONG_TITLE } : s)) };
    server = await startTestServer({ clientDir: CLIENT, programme });
    token = await loginToken(server.url);
    await control('start', { dayId: 'd1' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('paints /stage, /led and /mc dark from the HTML itself: 100 ms after navigation, with scripts still on the way', async () => {
    const measured: Record<string, number> = {};
    for (const path of ['/stage', '/led?screen=flash-test', '/mc', '/edit']) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await ctx.newPage();
      // A slow LED player: the page's scripts and styles take a second and a half to arrive.
      await page.route('**/assets/**', async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue().catch(() => {});
      });
      await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
      await page.waitForTimeout(100);
      const png = await page.screenshot();
      measured[path] = Math.round(await brightness(png));
      if (path === '/stage') await page.screenshot({ path: join(SHOTS, 'stage-first-paint-100ms.png') });
      await ctx.close();
    }
    expect(measured['/stage']).toBeLessThan(20);
    expect(measured['/led?screen=flash-test']).toBeLessThan(20);
    expect(measured['/mc']).toBeLessThan(20);
    // The measure can tell: the office pages keep their light first paint.
    expect(measured['/edit']).toBeGreaterThan(200);
  });

  it('stage timer: a long MC message has its own band; digits, message and the next line never overlap', async () => {
    await control('message', { text: LONG_MESSAGE });
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`${server.url}/stage`);
      await page.waitForSelector('[data-testid=stage-message]');
      await page.waitForSelector('[data-testid=stage-digits]');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(SHOTS, `stage-message-${width}x${height}.png`) });
      const digits = await textRectOf(page, '[data-testid=stage-digits]');
      const message = await rectOf(page, '[data-testid=stage-message]');
      const next = await rectOf(page, '[data-testid=stage-next]');
      const title = await rectOf(page, '[data-testid=stage-title]');
      expect(overlap(digits, message), `digits ${JSON.stringify(digits)} / message ${JSON.stringify(message)}`).toBe(false);
      expect(overlap(next, message), `next ${JSON.stringify(next)} / message ${JSON.stringify(message)}`).toBe(false);
      expect(overlap(digits, title)).toBe(false);
      expect(message.bottom).toBeLessThanOrEqual(height);
      expect(next.bottom).toBeLessThanOrEqual(height + 1);
      // Digits stay large: above a fifth of the height.
      expect(digits.bottom - digits.top).toBeGreaterThan(height / 5);
      // The whole message is shown, inside its band.
      const fits = await page.$eval('[data-testid=stage-message] .fit-inner', (el) => {
        const box = el.parentElement!;
        return el.scrollHeight <= box.clientHeight + 1 && el.scrollWidth <= box.clientWidth + 1 && el.textContent;
      });
      expect(fits).toBe(LONG_MESSAGE);
      await page.close();
    }
    await control('message-hide');
  });

  it('MC: looking at day 2 while day 1 runs keeps Next on the big button; a notice does not move it', async () => {
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 768, height: 1024 },
    ]) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}/mc`);
      await page.fill('#login-password', ADMIN_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('.conn-online');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const tag = `${viewport.width}x${viewport.height}`;
      await page.screenshot({ path: join(SHOTS, `mc-running-${tag}.png`) });
      const primary = page.locator('[data-testid=mc-primary]');
      expect(await primary.innerText()).toBe('Tiếp');
      const dayTwo = programme.event.days[1]!.date;
      await page.click(`.mc-day:has-text("${dayTwo.slice(8, 10)}/${dayTwo.slice(5, 7)}")`);
      await page.waitForSelector('[data-testid=mc-other-day]');
      expect(await primary.innerText()).toBe('Tiếp');
      const before = await rectOf(page, '[data-testid=mc-primary]');
      // A double tap on Pause: the second tap is told it was already done, in a notice over the layout.
      await page.click('.mc-controls button:has-text("Tạm dừng")');
      await page.click('.mc-controls button:has-text("Chạy tiếp")');
      await page.waitForSelector('[data-testid=mc-notice]');
      expect(await rectOf(page, '[data-testid=mc-primary]')).toEqual(before);
      await page.waitForTimeout(600);
      await page.click('.mc-controls button:has-text("Chạy tiếp")');
      await page.waitForSelector('.mc-controls button:has-text("Tạm dừng")');
      await page.screenshot({ path: join(SHOTS, `mc-other-day-${tag}.png`) });
      await page.close();
    }
  });

  it('MC portrait 768×1024: the rundown uses the height (at least four rows in view, twice what it showed)', async () => {
    const page = await browser.newPage({ viewport: { width: 768, height: 1024 } });
    await page.goto(`${server.url}/mc`);
    await page.fill('#login-password', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.conn-online');
    await page.waitForSelector('.mc-rrow');
    const visible = await page.evaluate(() => {
      const list = document.querySelector('.mc-rundown-list')!.getBoundingClientRect();
      return [...document.querySelectorAll('.mc-rrow')].filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= list.top - 1 && b.bottom <= list.bottom + 1;
      }).length;
    });
    await page.screenshot({ path: join(SHOTS, 'mc-portrait-768x1024.png') });
    expect(visible).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  it('LED agenda: one text size per page and projected times, at the wall sizes of the square', async () => {
    const r = await fetch(`${server.url}/api/v1/screens/all/layout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'agenda' }),
    });
    expect(r.status).toBe(200);
    for (const [width, height] of [
      [1920, 1080],
      [1920, 480],
      [3840, 1080],
      [1080, 1920],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      // A screen paired after the broadcast gets the layout given to all screens on the next call.
      await pairLed(page, server.url, token, `agenda ${width}x${height}`);
      await fetch(`${server.url}/api/v1/screens/all/layout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'agenda' }),
      });
      await page.waitForSelector('[data-layout=agenda] .led-agenda-row');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(SHOTS, `led-agenda-${width}x${height}.png`) });
      const sizes = await page.$$eval('.led-agenda-title .fit-inner', (els) => els.map((el) => getComputedStyle(el).fontSize));
      expect(new Set(sizes).size, `${width}x${height}: ${sizes.join(' ')}`).toBe(1);
      await page.close();
    }
  });

  it('stage timer: the connection label never covers the title, and a long title is shown whole', async () => {
    let page!: Page;
    let longTitle = '';
    // A server process of its own, stopped under the open page: the stage loses its link.
    const own = await spawnServer({ dataDir: mkdtempSync(join(tmpdir(), 'ros-stage-')) });
    try {
      const ownToken = await loginToken(own.url);
      const longest = [...demoProgramme(null).segments].filter((s) => s.dayId === 'd1').sort((a, b) => b.title.length - a.title.length)[0]!;
      const r = await fetch(`${own.url}/api/v1/control/goto`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ownToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ segmentId: longest.id }),
      });
      expect(r.status).toBe(200);
      longTitle = longest.title;
      page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`${own.url}/stage`);
      await page.waitForSelector('[data-testid=stage-digits]');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    } finally {
      await own.stop();
    }
    await page.waitForSelector('[data-testid=stage-conn]', { timeout: 15_000 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SHOTS, 'stage-offline-1280x720.png') });
    const conn = await rectOf(page, '[data-testid=stage-conn]');
    const title = await textRectOf(page, '[data-testid=stage-title] .fit-inner');
    expect(overlap(conn, title), `conn ${JSON.stringify(conn)} / title ${JSON.stringify(title)}`).toBe(false);
    const whole = await page.$eval('[data-testid=stage-title] .fit-inner', (el) => el.scrollHeight <= el.parentElement!.clientHeight + 1);
    expect(whole).toBe(true);
    expect(await page.innerText('[data-testid=stage-title]')).toBe(longTitle);
    await page.close();
  });
});
