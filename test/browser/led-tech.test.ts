import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Layout, ScreenInfo } from '../../shared/model/screen.schema.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { ADMIN_PASSWORD, ROOT, loginToken, socketClient, spawnServer, type ServerProcess } from '../support/server.ts';
import { ask, codeOf } from '../support/client.ts';
import { pairLed } from '../support/led.ts';
import { serverBundle } from '../support/bundle.ts';

const SIZES: [number, number][] = [
  [1920, 1080],
  [1920, 480],
  [3840, 1080],
  [1080, 1920],
  [1280, 720],
];
const LONG_TITLE =
  'Lễ khai mạc Ngày hội Chuyển đổi số tỉnh Khánh Hòa năm 2025: Kết nối người dân, doanh nghiệp và chính quyền số — Vững bước tương lai, nâng cao chất lượng cuộc sống';
const SHOTS = join(ROOT, 'test/screenshots');

/** Every fitted text stays inside its box and inside the viewport; the page itself cannot scroll. */
async function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const W = innerWidth;
    const H = innerHeight;
    const se = document.scrollingElement!;
    if (se.scrollWidth > W || se.scrollHeight > H) problems.push(`page scrolls: ${se.scrollWidth}x${se.scrollHeight} in ${W}x${H}`);
    const texts = [...document.querySelectorAll<HTMLElement>('[data-fit-text], .led-agenda-time, .led-code')];
    for (const el of texts) {
      if (!el.textContent) continue;
      const r = el.getBoundingClientRect();
      const label = `"${el.textContent.slice(0, 30)}"`;
      if (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1) problems.push(`${label} leaves the viewport: ${JSON.stringify(r)}`);
      const box = el.hasAttribute('data-fit-text') ? el.parentElement! : el;
      if (el.scrollWidth > box.clientWidth + 1 || el.scrollHeight > box.clientHeight + 1) {
        problems.push(`${label} overflows its box: ${el.scrollWidth}x${el.scrollHeight} in ${box.clientWidth}x${box.clientHeight}`);
      }
      const fs = parseFloat(getComputedStyle(el).fontSize);
      if (!(fs >= 6)) problems.push(`${label} font size ${fs}`);
    }
    return problems;
  });
}

describe.skipIf(!browserAvailable)('LED screens and the technician console in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let token: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'ros-led-'));
  const foreignRequests: string[] = [];

  const api = async (path: string, body?: unknown) => {
    const r = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(r.status, `${path}: ${r.status}`).toBe(200);
    return r.json() as Promise<unknown>;
  };
  /** A new player: it shows a code, which the technician adds under `name` (here over the console's socket). */
  const openLed = async (name: string, width: number, height: number) => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('request', (req) => {
      if (!req.url().startsWith(server.url) && !req.url().startsWith('data:')) foreignRequests.push(req.url());
    });
    await pairLed(page, server.url, token, name);
    return page;
  };
  const layoutOf = (page: Page) => page.getAttribute('[data-layout]', 'data-layout');

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/client/index.html'))) throw new Error('build the client first: npx vite build');
    server = await spawnServer({ dataDir, bundle: await serverBundle() });
    browser = await launchBrowser();
    token = await loginToken(server.url);
    // A running segment gives now/next a title, performer and countdown to show.
    await api('/api/v1/control/start', {});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('fills each of five resolutions with every layout: no text leaves its box or the viewport, no scrolling', async () => {
    const pages = await Promise.all(SIZES.map(([w, h]) => openLed(`LED ${w}x${h}`, w, h)));
    const programme = (await api('/api/v1/programme')) as { programme: { segments: { id: string; kind: string }[] } };
    const opening = programme.programme.segments.find((s) => s.kind === 'opening') ?? programme.programme.segments[0]!;
    const layouts: Layout[] = [
      { type: 'now-next' },
      { type: 'agenda' },
      { type: 'countdown', segmentId: opening.id, label: 'Khai mạc' },
      { type: 'qr', text: 'Quét mã để xem chương trình Ngày hội Chuyển đổi số' },
      { type: 'message', text: LONG_TITLE },
      { type: 'holding' },
    ];
    const problems: string[] = [];
    for (const layout of layouts) {
      await api('/api/v1/screens/all/layout', layout);
      for (const [i, page] of pages.entries()) {
        const [w, h] = SIZES[i]!;
        await page.waitForSelector(`[data-layout="${layout.type}"]`, { timeout: 3000 });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        if (layout.type === 'qr') await page.waitForSelector('[data-testid=led-qr]');
        await page.waitForTimeout(150);
        for (const p of await overflowProblems(page)) problems.push(`${layout.type} ${w}x${h}: ${p}`);
        await page.screenshot({ path: join(SHOTS, `led-${layout.type}-${w}x${h}.png`) });
      }
    }
    expect(problems).toEqual([]);

    const page = pages[0]!;
    // The bundled font is in use (Vietnamese glyphs from our own server), the cursor hidden, the background black.
    expect(await page.evaluate(() => document.fonts.check('700 40px "Be Vietnam Pro"', 'Ệ Ở Ữ'))).toBe(true);
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Be Vietnam Pro') && f.status === 'loaded'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.led')!).cursor)).toBe('none');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect(foreignRequests).toEqual([]);
    const css = await page.evaluate(() => [...document.styleSheets].flatMap((sh) => [...sh.cssRules].map((r) => r.cssText)).join('\n'));
    const urls = [...css.matchAll(/url\("?([^")]+)"?\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith('/assets/') && !u.startsWith('data:') && !u.startsWith(server.url))).toEqual([]);
    await Promise.all(pages.map((p) => p.close()));
  });

  it('shows a code on a new player until the technician adds it on /tech; nobody else can; Identify flashes the name', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}/led`);
    const code = (await (await page.waitForSelector('.led-code-value')).textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await page.screenshot({ path: join(SHOTS, 'led-pairing-code.png') });
    const portrait = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await portrait.goto(`${server.url}/led`);
    await portrait.waitForSelector('.led-code-value');
    await portrait.screenshot({ path: join(SHOTS, 'led-pairing-code-1080x1920.png') });
    const strip = await browser.newPage({ viewport: { width: 1920, height: 480 } });
    await strip.goto(`${server.url}/led`);
    await strip.waitForSelector('.led-code-value');
    expect(await overflowProblems(strip)).toEqual([]);
    await strip.screenshot({ path: join(SHOTS, 'led-pairing-code-1920x480.png') });
    await Promise.all([portrait.close(), strip.close()]);

    // A guest who read the code off the wall cannot take the screen's place or name it.
    const guest = await socketClient(server.url);
    expect(codeOf(await ask(guest, 'screen:confirm', { code, name: 'Màn hình giả' }))).toBe('unauthorized');
    expect(codeOf(await ask(guest, 'screen:register', { screenId: code, key: 'x'.repeat(32), width: 10, height: 10 }))).toBe('unauthorized');
    guest.close();

    const tech = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tech.goto(`${server.url}/tech`);
    await tech.fill('#login-password', ADMIN_PASSWORD);
    await tech.click('button[type=submit]');
    await tech.getByLabel('Mã trên màn hình').fill(code.toLowerCase());
    await tech.getByLabel('Tên', { exact: true }).fill('Màn hình phụ');
    await tech.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.waitForSelector('[data-testid=led-code]', { state: 'detached', timeout: 2000 });
    await page.waitForSelector('[data-layout]');
    await tech.waitForSelector(`[data-screen="${code}"]`);
    await tech.screenshot({ path: join(SHOTS, 'tech-added-screen.png'), fullPage: true });
    expect(new URL(page.url()).searchParams.get('screen')).toBe('Màn hình phụ');
    // A reload is the same screen (its id and key are kept on the player), with no code.
    await page.reload();
    await page.waitForSelector('[data-layout]');
    expect(await page.$('[data-testid=led-code]')).toBeNull();

    const card = `[data-screen="${code}"]`;
    await tech.click(`${card} >> text=Nhận diện`);
    const flash = await page.waitForSelector('[data-testid=led-identify]', { timeout: 2000 });
    expect(await flash.textContent()).toBe('Màn hình phụ');
    await page.screenshot({ path: join(SHOTS, 'led-identify.png') });
    await tech.close();
    await page.close();
  });

  it('switches a screen from /tech within a second, and brings every screen back after a restart', async () => {
    await api('/api/v1/screens/all/layout', { type: 'now-next' });
    const leds = {
      qr: await openLed('Cổng vào', 1920, 480),
      agenda: await openLed('Sân khấu trái', 1080, 1920),
      nowNext: await openLed('Sân khấu phải', 1280, 720),
    };
    const tech = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await tech.goto(`${server.url}/tech`);
    await tech.fill('#login-password', ADMIN_PASSWORD);
    await tech.click('button[type=submit]');
    await tech.waitForSelector('.tech-card');
    const screens = (await api('/api/v1/screens')) as ScreenInfo[];
    const idOf = (name: string) => screens.find((s) => s.name === name)!.id;

    // Put the agenda on one screen through the console's own controls.
    await tech.check(`[data-screen="${idOf('Sân khấu trái')}"] input[type=checkbox]`);
    await tech.check('input[name=layout][value=agenda]');
    const clickedAt = Date.now();
    await tech.getByRole('button', { name: /Áp dụng cho màn hình đã chọn/ }).click();
    await leds.agenda.waitForSelector('[data-layout=agenda]', { timeout: 1000 });
    const switchMs = Date.now() - clickedAt;
    console.info(`/tech click to /led showing the agenda: ${switchMs} ms`);
    expect(switchMs).toBeLessThan(1000);
    expect(await layoutOf(leds.nowNext)).toBe('now-next');

    // And the QR on another; the third keeps now/next.
    await tech.uncheck(`[data-screen="${idOf('Sân khấu trái')}"] input[type=checkbox]`);
    await tech.check(`[data-screen="${idOf('Cổng vào')}"] input[type=checkbox]`);
    await tech.check('input[name=layout][value=qr]');
    await tech.getByRole('button', { name: /Áp dụng cho màn hình đã chọn/ }).click();
    await leds.qr.waitForSelector('[data-layout=qr]', { timeout: 1000 });
    await tech.waitForSelector(`[data-screen="${idOf('Cổng vào')}"] [data-layout=qr]`);
    await tech.waitForTimeout(300);
    await tech.screenshot({ path: join(SHOTS, 'tech-console.png'), fullPage: true });

    const port = server.port;
    await server.stop();
    await leds.qr.waitForSelector('[data-testid=led-offline]', { timeout: 5000 });
    await leds.qr.screenshot({ path: join(SHOTS, 'led-qr-offline.png') });
    // Cut off from the server, now/next keeps counting from its last snapshot.
    await leds.nowNext.waitForSelector('[data-testid=led-offline]', { timeout: 5000 });
    const before = await leds.nowNext.textContent('[data-testid=led-timer]');
    await leds.nowNext.waitForTimeout(1200);
    expect(await leds.nowNext.textContent('[data-testid=led-timer]')).not.toBe(before);
    server = await spawnServer({ dataDir, port, bundle: await serverBundle() });

    // Open screens reconnect by themselves and show what they showed; a reload does too.
    await leds.nowNext.reload();
    for (const [page, layout] of [
      [leds.qr, 'qr'],
      [leds.agenda, 'agenda'],
      [leds.nowNext, 'now-next'],
    ] as const) {
      await page.waitForSelector(`[data-layout="${layout}"]`, { timeout: 10_000 });
      await page.waitForSelector('[data-testid=led-offline]', { state: 'detached', timeout: 10_000 });
    }
    await tech.waitForSelector('.tech-card [data-layout=agenda]', { timeout: 10_000 });
    const after = (await (
      await fetch(`${server.url}/api/v1/screens`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as ScreenInfo[];
    const byName = Object.fromEntries(after.map((s) => [s.name, s.layout.type]));
    expect(byName).toMatchObject({ 'Cổng vào': 'qr', 'Sân khấu trái': 'agenda', 'Sân khấu phải': 'now-next' });
    await tech.close();
    await Promise.all(Object.values(leds).map((p) => p.close()));
  });
});
