import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { ROOT, startTestServer, type TestServer } from '../support/server.ts';

describe.skipIf(!browserAvailable)('landing page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ clientDir: join(ROOT, 'dist/client') });
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
    const links = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/mc', '/stage', '/led', '/tech', '/agenda', '/edit', '/report']);
    expect(await page.textContent('body')).toContain('Bàn điều khiển MC');
    await page.click('text=English');
    expect(await page.textContent('body')).toContain('MC console');
    await page.screenshot({ path: join(ROOT, 'test/screenshots/home.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
