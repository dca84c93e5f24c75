import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { ROOT, startTestServer, type TestServer } from '../support/server.ts';
import { twoStageProgramme } from '../support/two-stages.ts';

describe.skipIf(!browserAvailable)('landing page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ clientDir: join(ROOT, 'dist/client'), programme: twoStageProgramme() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the event and links every view, in Vietnamese then English, with no CSP violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url);
    await expect.poll(() => page.textContent('h1')).toContain('Khánh Hòa');
    const links = await page.$$eval('.home-views a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/mc', '/stage', '/led', '/tech', '/agenda', '/edit', '/report', '/crew']);
    // The server's address as devices reach it, and each stage's links on it with a QR code each.
    expect(await page.textContent('[data-testid=home-address]')).toBe(server.url);
    await expect.poll(() => page.$$eval('.home-stage img[data-qr]', (imgs) => imgs.length)).toBe(6);
    const stageLinks = await page.$$eval('.home-stage a', (as) => as.map((a) => a.getAttribute('href')));
    expect(stageLinks).toContain(`${server.url}/mc?stage=hall-b`);
    await page.setViewportSize({ width: 1366, height: 1024 });
    await page.screenshot({ path: join(ROOT, 'test/screenshots/home-1366x1024.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ROOT, 'test/screenshots/home-390x844.png'), fullPage: true });
    // Nothing wider than a phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await page.textContent('body')).toContain('Bàn điều khiển MC');
    await page.click('text=English');
    expect(await page.textContent('body')).toContain('MC console');
    await page.screenshot({ path: join(ROOT, 'test/screenshots/home.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
