import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { loginToken, ROOT, spawnServer, type ServerProcess } from '../support/server.ts';
import { childrenOf, connectionsHeldBy } from '../support/socket-owner.ts';

const nowId = (page: Page) => page.$eval('.ag-row.is-now', (el) => el.id).catch(() => null);

describe.skipIf(!browserAvailable)('phones in Chromium on a server with fan-out workers (WORKERS=2)', () => {
  let server: ServerProcess;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    server = await spawnServer({ env: { WORKERS: '2' } });
    for (let t = Date.now(); (server.output().match(/fan-out worker \d+ serving/g) ?? []).length < 2; ) {
      if (Date.now() - t > 20_000) throw new Error(`workers did not start:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    token = await loginToken(server.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.kill9();
  });

  const control = async (action: string) => {
    const r = await fetch(`${server.url}/api/v1/control/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
  };

  it('four phones follow the MC through the workers, which hold their websockets', async () => {
    const phones: Page[] = [];
    // On failure: what each phone shows and which process holds what, with the server's log.
    const explain = async (e: unknown) => {
      const links = await Promise.all(phones.map((p) => p.getAttribute('#ag-status', 'data-link').catch(() => '?')));
      const now = await Promise.all(phones.map(nowId));
      const held = childrenOf(server.proc.pid!).map((w) => connectionsHeldBy(w, server.port));
      return new Error(`${(e as Error).message}\nphones: links ${links.join(',')}, now ${now.join(',')}; worker connections ${held.join(',')}\nserver log:\n${server.output()}`);
    };
    try {
      await control('start');
      for (let i = 0; i < 4; i++) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
        const page = await context.newPage();
        page.on('console', (m) => m.type() === 'error' && console.log(`phone ${i}: ${m.text()}`));
        await page.goto(`${server.url}/agenda?stage=main&day=d1`);
        await page.waitForFunction(() => document.getElementById('ag-status')?.getAttribute('data-link') === 'online');
        phones.push(page);
      }
      for (const p of phones) await expect.poll(() => nowId(p)).toBe('seg-d1-vr-games');

      const workers = childrenOf(server.proc.pid!);
      expect(workers).toHaveLength(2);
      // Each phone's websocket is in a worker, two in each (round robin); the pages and the API stay here.
      expect(workers.map((w) => connectionsHeldBy(w, server.port))).toEqual([2, 2]);

      const t0 = Date.now();
      await control('next');
      for (const p of phones) await expect.poll(() => nowId(p), { timeout: 1000, interval: 25 }).toBe('seg-d1-golden-bell');
      console.log(`fan-out: MC Next → all four phones show the new segment: ${Date.now() - t0} ms`);
      await phones[0]!.screenshot({ path: join(ROOT, 'test/screenshots/agenda-fanout.png') });
    } catch (e) {
      throw await explain(e);
    }
  });
});
