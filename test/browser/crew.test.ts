import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunState } from '../../shared/protocol.ts';
import { DOUBLE_TAP_MS } from '../../client/views/mc/mc-display.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { ADMIN_PASSWORD, ROOT, startTestServer, type TestServer } from '../support/server.ts';
import { STAGE_B, twoStageProgramme } from '../support/two-stages.ts';

const CLIENT = join(ROOT, 'dist/client');
const SHOTS = join(ROOT, 'test/screenshots');
const TABLET = { width: 1024, height: 768 };
const DESK = { width: 1366, height: 1024 };

describe.skipIf(!browserAvailable)('the crew page hands a tablet its MC link for one stage', () => {
  let browser: Browser;
  let server: TestServer;
  beforeAll(async () => {
    if (!existsSync(join(CLIENT, 'index.html'))) throw new Error('dist/client is missing: run `npx vite build` first');
    mkdirSync(SHOTS, { recursive: true });
    // Today's dates, so the console opens on a live day; two stages, the link is for the second.
    server = await startTestServer({ clientDir: CLIENT, programme: twoStageProgramme(Date.now()) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const state = async (stage: string) => (await (await fetch(`${server.url}/api/v1/state?stage=${stage}`)).json()) as RunState & { currentId: string | null };
  const watchErrors = (page: Page, errors: string[]) => {
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  };

  it('admin makes the link; the tablet opens it logged in on /mc of that stage, runs it, and loses control within a second of the revocation', async () => {
    const errors: string[] = [];
    const admin = await (await browser.newContext({ viewport: DESK })).newPage();
    watchErrors(admin, errors);
    await admin.goto(`${server.url}/crew`);
    await admin.fill('#login-password', ADMIN_PASSWORD);
    await admin.click('button[type=submit]');
    await admin.fill('#crew-device-name', 'MC – Hội trường B (iPad 1)');
    await admin.selectOption('#crew-device-role', 'mc');
    await admin.selectOption('#crew-device-stage', STAGE_B);
    await admin.click('[data-testid=crew-new-device] button[type=submit]');
    const link = (await admin.getAttribute('[data-testid=crew-link-url]', 'href')) ?? '';
    expect(link).toMatch(new RegExp(`^${server.url}/mc\\?stage=${STAGE_B}#token=`));
    // The QR code carries that very link.
    await admin.waitForSelector('[data-testid=crew-new-link] img[data-qr]');
    expect(await admin.getAttribute('[data-testid=crew-new-link] img[data-qr]', 'data-qr')).toBe(link);
    expect(await admin.$eval('[data-testid=crew-new-link] img[data-qr]', (img) => img.getBoundingClientRect().width)).toBeGreaterThanOrEqual(300);

    // A second device, as if it scanned the code.
    const tablet = await (await browser.newContext({ viewport: TABLET })).newPage();
    watchErrors(tablet, errors);
    await tablet.goto(link);
    await tablet.waitForSelector('[data-testid=mc-primary]');
    await tablet.waitForSelector('.conn-online');
    // Logged in without a password, on stage B, and the token gone from the address bar.
    expect(new URL(tablet.url()).pathname).toBe('/mc');
    expect(new URL(tablet.url()).searchParams.get('stage')).toBe(STAGE_B);
    expect(tablet.url()).not.toContain('token');
    await tablet.click('[data-testid=mc-primary]');
    await expect.poll(async () => (await state(STAGE_B)).currentId).toBe('b-1');
    // A second press sooner would be taken for a double tap (and refused, by design).
    await tablet.waitForTimeout(DOUBLE_TAP_MS + 100);
    await tablet.click('[data-testid=mc-primary]');
    await expect.poll(async () => (await state(STAGE_B)).currentId).toBe('b-2');
    expect((await state('main')).version).toBe(0);

    // The admin sees it connected, and takes its QR screenshot.
    await admin.click('[data-testid=crew-new-link] button');
    await expect.poll(() => admin.textContent('[data-testid=crew-row][data-connected=true]'), { timeout: 8000 }).toContain('MC – Hội trường B (iPad 1)');
    await admin.fill('#crew-device-name', 'Moderator – Hội trường B');
    await admin.selectOption('#crew-device-role', 'moderator');
    await admin.click('[data-testid=crew-new-device] button[type=submit]');
    await admin.waitForSelector('[data-testid=crew-new-link] img[data-qr]');
    await admin.screenshot({ path: join(SHOTS, 'crew-1366x1024.png'), fullPage: true });

    admin.once('dialog', (d) => void d.accept());
    const row = admin.locator('[data-testid=crew-row]', { hasText: 'MC – Hội trường B (iPad 1)' });
    const revokedAt = Date.now();
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await tablet.waitForSelector('[data-testid=login-ended]', { timeout: 1000 });
    const lostAfterMs = Date.now() - revokedAt;
    console.log(`the tablet showed it lost control ${lostAfterMs} ms after the revoke click`);
    expect(lostAfterMs).toBeLessThan(1000);
    expect(await tablet.textContent('[data-testid=login-ended]')).toContain('thu hồi quyền điều khiển');
    expect(await tablet.evaluate(() => localStorage.getItem('ros.session'))).toBeNull();
    // The link's token is refused by the server too, not only forgotten by the page.
    const token = decodeURIComponent(link.split('#token=')[1] ?? '');
    const next = await fetch(`${server.url}/api/v1/control/next`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ stage: STAGE_B }) });
    expect(next.status).toBe(401);
    await tablet.screenshot({ path: join(SHOTS, 'crew-revoked-tablet.png') });
    // English is one switch away; the page fits a portrait tablet too.
    await admin.setViewportSize({ width: 768, height: 1024 });
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.waitForSelector('text=Devices');
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await admin.screenshot({ path: join(SHOTS, 'crew-en-768x1024.png'), fullPage: true });
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  });

  it('a moderator link opens the message-only console of its stage', async () => {
    const admin = await loginAdmin();
    const r = await fetch(`${server.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ name: 'Moderator – Hội trường B', role: 'moderator', stageId: STAGE_B }),
    });
    const { url } = (await r.json()) as { url: string };
    const page = await (await browser.newContext({ viewport: TABLET })).newPage();
    await page.goto(url);
    await page.waitForSelector('[data-mode=moderator]');
    expect(await page.$('[data-testid=mc-primary]')).toBeNull();
    await page.click('.mc-preset');
    await expect.poll(async () => ((await state(STAGE_B)) as unknown as { message: { text: string } | null }).message?.text).toBe('Còn 2 phút');
    await page.screenshot({ path: join(SHOTS, 'mc-moderator-1024x768.png') });
  });

  async function loginAdmin(): Promise<string> {
    const r = await fetch(`${server.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: ADMIN_PASSWORD }) });
    return ((await r.json()) as { token: string }).token;
  }
});
