/**
 * How busy an idle screen keeps its device: main-thread time and React commits per second of the
 * views that draw a running clock (/stage, /mc, /led), with a segment running and nobody touching
 * anything — the state a speaker's timer or the MC's tablet spends most of a show in.
 *
 *   npm run build && npx tsx bench/view-cpu.ts [seconds per sample] [samples]
 *
 * Starts the built server (dist/), starts the first segment, opens each view alone in headless
 * Chromium, lets it settle, then reads CDP Performance.getMetrics (TaskDuration: the renderer's
 * main-thread busy time) before and after the sample window. The DOM mutations per second (a
 * MutationObserver on the document, with the commonest kind) show how often the view really changed
 * what it shows. Two reference rows: a blank page, and a blank page running a bare
 * requestAnimationFrame loop (what drawing every frame costs before any rendering).
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser.ts';
import { pairLed } from '../test/support/led.ts';
import { ADMIN_PASSWORD, ROOT, loginToken, spawnServer } from '../test/support/server.ts';
import { median } from './stats.ts';

const SECONDS = Number(process.argv[2] ?? 10);
const SAMPLES = Number(process.argv[3] ?? 3);

type Sample = { busyMsPerS: number; mutationsPerS: number; commonest: string };
const VIEWS = ['blank', 'blank+raf', 'stage', 'mc', 'led'] as const;
type View = (typeof VIEWS)[number];

async function openView(browser: Browser, url: string, view: View, token: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: view === 'mc' ? { width: 1024, height: 768 } : { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  if (view === 'blank' || view === 'blank+raf') {
    await page.setContent('<div style="font-size:200px">00:00</div>');
    // A string, so the bundler's helpers never reach the page.
    if (view === 'blank+raf') await page.evaluate('(() => { const loop = () => requestAnimationFrame(loop); loop(); })()');
  } else if (view === 'mc') {
    await page.goto(`${url}/mc`);
    await page.fill('#login-password', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=mc-countdown]');
  } else if (view === 'stage') {
    await page.goto(`${url}/stage`);
    await page.waitForSelector('[data-testid=stage-digits]');
  } else {
    await pairLed(page, url, token, 'LED bench');
    await page.waitForSelector('[data-layout=now-next]');
  }
  return page;
}

async function sample(page: Page): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
  };
  await page.evaluate(`(() => {
    window.benchMutations = {};
    new MutationObserver((list) => {
      for (const m of list) {
        const t = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        const kind = m.type + (m.attributeName ? ' ' + m.attributeName : '') + ' on ' + (t ? t.tagName.toLowerCase() + '.' + String(t.className).split(' ')[0] : '?');
        window.benchMutations[kind] = (window.benchMutations[kind] || 0) + 1;
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);
  const before = await busy();
  const t0 = Date.now();
  await page.waitForTimeout(SECONDS * 1000);
  const after = await busy();
  const seconds = (Date.now() - t0) / 1000;
  const kinds = Object.entries((await page.evaluate('window.benchMutations')) as Record<string, number>).sort((a, b) => b[1] - a[1]);
  const mutations = kinds.reduce((sum, [, n]) => sum + n, 0);
  await cdp.detach();
  return { busyMsPerS: ((after - before) * 1000) / seconds, mutationsPerS: mutations / seconds, commonest: kinds[0]?.[0] ?? '-' };
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/server/main.js'))) throw new Error('build first: npm run build');
  const server = await spawnServer({ bundle: join(ROOT, 'dist/server/main.js') });
  const browser = await launchBrowser();
  try {
    const token = await loginToken(server.url);
    await fetch(`${server.url}/api/v1/control/start`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; node ${process.version}; ${SAMPLES} samples of ${SECONDS} s per view`);
    for (const view of VIEWS) {
      const page = await openView(browser, server.url, view, token);
      await page.waitForTimeout(2000); // clock pings and the bundled font settle
      const samples: Sample[] = [];
      for (let i = 0; i < SAMPLES; i++) samples.push(await sample(page));
      const busy = samples.map((s) => s.busyMsPerS);
      const muts = samples.map((s) => s.mutationsPerS);
      console.log(
        `${view.padEnd(9)} main-thread busy ${median(busy).toFixed(1)} ms/s (samples ${busy.map((b) => b.toFixed(1)).join(', ')}); DOM mutations ${median(muts).toFixed(1)}/s, most: ${samples[0]!.commonest}`,
      );
      await page.context().close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
