import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { edgeBundle, serverBundle } from '../support/bundle.ts';
import { startNginx, type TestNginx } from '../support/nginx.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { loginToken, ROOT, spawnServer, type ServerProcess } from '../support/server.ts';
import { freePort } from '../support/wait.ts';

const nowId = (page: Page) => page.$eval('.ag-row.is-now', (el) => el.id).catch(() => null);
const link = (page: Page) => page.getAttribute('#ag-status', 'data-link').catch(() => null);
const SHOTS = join(ROOT, 'test/screenshots');

/** docs/deploy.md's "done when": a phone opens the agenda through nginx over TLS, an edge dies, the phone carries on. */
describe.skipIf(!browserAvailable)('a phone in Chromium on the agenda through nginx, served by two edges', () => {
  let redis: TestRedis;
  let nginx: TestNginx;
  let primary: ServerProcess;
  const edges: ServerProcess[] = [];
  let edgePorts: [number, number];
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, MAX_CONNECTIONS_PER_ADDRESS: '100000' };
    const primaryPort = await freePort();
    edgePorts = [await freePort(), await freePort()];
    primary = await spawnServer({ port: primaryPort, bundle: await serverBundle(), env });
    for (const port of edgePorts) edges.push(await spawnServer({ port, bundle: await edgeBundle(), env }));
    nginx = await startNginx({ primary: primaryPort, edges: edgePorts });
    token = await loginToken(nginx.http);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([primary, ...edges].map((p) => p?.kill9().catch(() => undefined)));
    await nginx?.stop();
    await redis?.stop();
  });

  const control = async (action: string) => {
    const r = await fetch(`${nginx.http}/api/v1/control/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
  };
  const audience = async (port: number) => ((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { audience: number }).audience;

  it('follows the MC, and carries on from the other edge when its edge is killed with kill -9', async () => {
    await control('start');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`phone: ${m.text()}`));
    await page.goto(`${nginx.https}/agenda?stage=main&day=d1`);
    await expect.poll(() => link(page), { timeout: 15_000 }).toBe('online');
    // Over https the page is a secure context: its offline copy (service worker) can register.
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await expect.poll(() => nowId(page)).toBe('seg-d1-vr-games');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'agenda-edges-before.png') });

    const held = [await audience(edgePorts[0]), await audience(edgePorts[1])];
    expect(held.reduce((a, b) => a + b)).toBe(1);
    const i = held.indexOf(1);
    await edges[i]!.kill9();
    await control('next');
    const t0 = Date.now();
    await expect.poll(() => nowId(page), { timeout: 15_000, interval: 50 }).toBe('seg-d1-golden-bell');
    await expect.poll(() => link(page), { timeout: 5000 }).toBe('online');
    expect(await audience(edgePorts[1 - i]!)).toBe(1);
    console.log(`edges: the phone showed the next segment ${Date.now() - t0} ms after its edge was killed`);
    await page.screenshot({ path: join(SHOTS, 'agenda-edges-after-kill.png') });
    await context.close();
  });
});
