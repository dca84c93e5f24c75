import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProgramme } from '../../server/demo/demo-programme.ts';
import type { Programme } from '../../shared/model/programme.schema.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { ADMIN_PASSWORD, loginToken, ROOT, startTestServer, type TestServer } from '../support/server.ts';

const CLIENT = join(ROOT, 'dist/client');
const SHOTS = process.env.SHOTS_DIR ?? join(ROOT, 'test/screenshots');
// One unbroken 300-character word (a pasted link), as title, performer and MC note of the segment on stage.
const LONG = `https://example.vn/chuong-trinh/${'khaimacngayhoicongnghesotinhkhanhhoa'.repeat(8)}`.slice(0, 300);

describe.skipIf(!browserAvailable)('a long unbroken word cannot break a layout', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    if (!existsSync(join(CLIENT, 'index.html'))) throw new Error('dist/client is missing: run `npx vite build` first');
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
    server = await startTestServer({ clientDir: CLIENT, programme: demoProgramme(Date.now()) });
    const token = await loginToken(server.url);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const started = await fetch(`${server.url}/api/v1/control/start`, { method: 'POST', headers, body: '{}' });
    expect(started.status).toBe(200);
    // Every segment, the one on stage included, gets the long word as title, performer and note.
    const { programme } = (await (await fetch(`${server.url}/api/v1/programme`, { headers })).json()) as { programme: Programme };
    for (const s of programme.segments) Object.assign(s, { title: LONG, performer: LONG, notes: LONG });
    const put = await fetch(`${server.url}/api/v1/programme`, { method: 'PUT', headers, body: JSON.stringify({ programme }) });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
    { width: 390, height: 844 },
  ]) {
    it(`/stage at ${viewport.width}×${viewport.height}: the countdown's digits stay inside the screen`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}/stage`);
      await page.waitForSelector('[data-testid=stage-title]');
      const digits = page.locator('.stage-digits');
      await digits.waitFor();
      const box = (await digits.boundingBox())!;
      await page.screenshot({ path: join(SHOTS, `long-word-stage-${viewport.width}x${viewport.height}.png`) });
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      await page.close();
    });
  }

  it('/agenda, /mc, /edit and /report on a 390 px phone: no sideways scroll', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const widths: Record<string, number> = {};
    await page.goto(`${server.url}/agenda`);
    await page.getByText(LONG.slice(0, 20)).first().waitFor();
    widths.agenda = await sideways(page);
    await page.screenshot({ path: join(SHOTS, 'long-word-agenda-390.png'), fullPage: true });

    await page.goto(`${server.url}/edit`);
    await page.fill('#login-password', ADMIN_PASSWORD);
    await page.press('#login-password', 'Enter');
    await page.locator('input, textarea').first().waitFor();
    await page.waitForTimeout(500);
    widths.edit = await sideways(page);
    await page.screenshot({ path: join(SHOTS, 'long-word-edit-390.png') });

    await page.goto(`${server.url}/report`);
    await page.locator('.report-table tbody tr').first().waitFor();
    widths.report = await sideways(page);
    await page.screenshot({ path: join(SHOTS, 'long-word-report-390.png') });

    await page.goto(`${server.url}/mc`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    widths.mc = await sideways(page);
    await page.screenshot({ path: join(SHOTS, 'long-word-mc-390.png') });
    console.log('sideways overflow (px):', JSON.stringify(widths));
    expect(widths).toEqual({ agenda: 0, edit: 0, report: 0, mc: 0 });
    await context.close();
  });
});
