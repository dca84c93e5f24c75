/**
 * How fast a newcomer sees the programme on /agenda over Chromium's "Slow 3G" profile.
 *
 *   npx vite build && npx tsx bench/agenda-slow3g.ts [runs]
 *
 * Starts the real server (server/main.ts, Khánh Hòa demo moved to today), opens /agenda in headless
 * Chromium at 390×844 in a fresh profile each run (cold cache, no service worker), throttles the
 * page with CDP Network.emulateNetworkConditions using the DevTools "Slow 3G" preset, and times
 * navigation start → the first programme row visible, → socket live, plus the bytes on the wire.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/support/browser.ts';
import { agendaScripts } from '../test/support/agenda-scripts.ts';
import { ROOT, spawnServer } from '../test/support/server.ts';

/**
 * DevTools' "Slow 3G" preset (devtools-frontend core/sdk/NetworkManager.ts, mirrored by Puppeteer's
 * PredefinedNetworkConditions['Slow 3G']): ~500 kbit/s × 0.8 each way, 400 ms RTT × 5.
 */
export const SLOW_3G = { offline: false, latency: 400 * 5, downloadThroughput: ((500 * 1000) / 8) * 0.8, uploadThroughput: ((500 * 1000) / 8) * 0.8 };

const RUNS = Number(process.argv[2] ?? 7);
const DIST = join(ROOT, 'dist/client');

type Run = { visibleMs: number; paintMs: number; fcpMs: number | null; liveMs: number; bytes: number; requests: number };

async function main() {
  if (!existsSync(join(DIST, 'agenda.html'))) throw new Error('build first: npx vite build');
  const server = await spawnServer({ env: { CLIENT_DIR: DIST } });
  const browser = await launchBrowser();
  const cold: Run[] = [];
  const warm: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      let bytes = 0;
      let requests = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        bytes += e.encodedDataLength;
        requests += 1;
      });
      const measure = async (go: () => Promise<unknown>, waitLive = true): Promise<Run> => {
        bytes = 0;
        requests = 0;
        const t0 = Date.now();
        await go();
        await page.waitForSelector('.ag-row', { state: 'visible', timeout: 60_000 });
        const visibleMs = Date.now() - t0;
        if (waitLive) {
          await page.waitForFunction(() => /^(Trực tiếp|Live)/.test(document.getElementById('ag-status')?.textContent ?? ''), null, { timeout: 60_000, polling: 50 });
        }
        const liveMs = waitLive ? Date.now() - t0 : NaN;
        const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
        // Element Timing: when the browser painted the first programme row, from navigation start.
        const paintMs = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list) => {
                const times = list.getEntries().map((e) => (e as PerformanceEntry & { renderTime: number }).renderTime || e.startTime);
                resolve(Math.min(...times));
              }).observe({ type: 'element', buffered: true });
              setTimeout(() => resolve(NaN), 5000);
            }),
        );
        return { visibleMs, paintMs: Math.round(paintMs), fcpMs: fcpMs === null ? null : Math.round(fcpMs), liveMs, bytes, requests };
      };
      cold.push(await measure(() => page.goto(`${server.url}/agenda`, { waitUntil: 'commit', timeout: 60_000 })));
      // Once the service worker controls the page, lose the network entirely and come back.
      // `ready` resolves once the worker is active, i.e. after its install step kept its copies.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await context.setOffline(true);
      warm.push(await measure(() => page.reload({ waitUntil: 'commit', timeout: 60_000 }), false));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const js = agendaScripts(DIST).map((f) => gzipSync(readFileSync(f)).length);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const row = (name: string, rs: Run[]) =>
    `| ${name} | ${median(rs.map((r) => r.paintMs))} | ${median(rs.map((r) => r.visibleMs))} | ${median(rs.map((r) => r.fcpMs ?? NaN))} | ${rs.every((r) => Number.isNaN(r.liveMs)) ? '—' : median(rs.map((r) => r.liveMs))} | ${Math.round(median(rs.map((r) => r.bytes)) / 1024)} KB / ${median(rs.map((r) => r.requests))} | ${rs.map((r) => r.paintMs).join(', ')} |`;
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, ${new Date().toISOString()}`);
  console.log(`profile: latency ${SLOW_3G.latency} ms, down ${SLOW_3G.downloadThroughput} B/s, up ${SLOW_3G.uploadThroughput} B/s; ${RUNS} runs`);
  console.log(`/agenda JS: ${js.length} files, ${(js.reduce((a, b) => a + b, 0) / 1024).toFixed(1)} KB gzip (budget 80 KB)`);
  console.log('| visit | programme painted (element timing), median ms | row visible to the harness, median ms | FCP ms | live (socket) ms | bytes / requests | every run, painted ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(row('first (cold cache)', cold));
  console.log(row('reload with the network off (service worker copy)', warm));
}

await main();
