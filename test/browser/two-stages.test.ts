import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOUBLE_TAP_MS } from '../../client/views/mc/mc-display.ts';
import { Programme } from '../../shared/model/programme.schema.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { ask, expectOk } from '../support/client.ts';
import { pairLed } from '../support/led.ts';
import { ADMIN_PASSWORD, ROOT, loginToken, socketClient, startTestServer, type TestServer } from '../support/server.ts';

const CLIENT = join(ROOT, 'dist/client');
const SHOTS = join(ROOT, 'test/screenshots');
const LOOKED_AT = '/work/wt/shots/i13-stages';
const TZ = 'Asia/Ho_Chi_Minh';

/** Saved where the project keeps its screenshots, and a copy where this change's were looked at. */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = join(SHOTS, name);
  await page.screenshot({ path, fullPage });
  if (existsSync(LOOKED_AT)) copyFileSync(path, join(LOOKED_AT, name));
}

/** Today in the event's zone, and a wall-clock time `min` minutes from now there. */
function today(): { date: string; at: (min: number) => string } {
  const parts = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms);
  const get = (p: Intl.DateTimeFormatPart[], t: string) => p.find((x) => x.type === t)?.value ?? '';
  const now = parts(Date.now());
  return {
    date: `${get(now, 'year')}-${get(now, 'month')}-${get(now, 'day')}`,
    at: (min) => {
      const p = parts(Date.now() + min * 60_000);
      return `${get(p, 'hour')}:${get(p, 'minute')}`;
    },
  };
}

/** Two venues of the Quảng Ngãi week on one day, starting about now. */
function twoVenues(): Programme {
  const d = today();
  // Near midnight the later rows would fall on the next day: the test keeps to follow-on rows then.
  const seg = (id: string, stageId: string, start: string | null, durationMin: number, title: string, performer = '') => ({
    id, dayId: 'd1', stageId, plannedStart: start, fixedStart: false, durationMin, title, performer,
  });
  return Programme.parse({
    event: {
      title: 'Tuần lễ Đổi mới sáng tạo và Chuyển đổi số tỉnh Quảng Ngãi 2025',
      venue: 'Tỉnh Quảng Ngãi',
      timeZone: TZ,
      days: [{ id: 'd1', date: d.date, label: 'Ngày khai mạc' }],
      stages: [
        { id: 'hoi-nghi', name: 'Hội trường chính', venue: 'Trung tâm Hội nghị và Triển lãm tỉnh' },
        { id: 'mang-den', name: 'Măng Đen', venue: 'xã Măng Đen' },
      ],
    },
    segments: [
      seg('h1', 'hoi-nghi', d.at(0), 15, 'Đón tiếp đại biểu, tuyên bố lý do', 'MC'),
      seg('h2', 'hoi-nghi', null, 10, 'Phát biểu khai mạc', 'Lãnh đạo UBND tỉnh'),
      seg('h3', 'hoi-nghi', null, 30, 'Tọa đàm: hiến kế phát triển KHCN, ĐMST và CĐS', 'Lãnh đạo UBND tỉnh chủ trì'),
      seg('m1', 'mang-den', d.at(0), 20, 'Liên kết du lịch số vùng; bản đồ số, VR/AR', 'Sở Văn hóa, Thể thao và Du lịch'),
      seg('m2', 'mang-den', null, 25, 'Chuyển đổi số trong du lịch tại Măng Đen', 'UBND xã Măng Đen'),
      seg('m3', 'mang-den', null, 30, 'Thảo luận, trao đổi', 'Đại biểu tham dự'),
    ],
  });
}

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" viewBox="0 0 240 120"><rect width="240" height="120" rx="18" fill="#0b3d91"/><circle cx="60" cy="60" r="38" fill="#ffc400"/><text x="130" y="76" font-family="sans-serif" font-size="44" font-weight="700" fill="#fff">QN</text></svg>`;

describe.skipIf(!browserAvailable)('two stages at once in Chromium', () => {
  let browser: Browser;
  let srv: TestServer;
  let token: string;

  beforeAll(async () => {
    if (!existsSync(join(CLIENT, 'index.html'))) throw new Error('dist/client is missing: run `npm run build` first');
    browser = await launchBrowser();
    srv = await startTestServer({ clientDir: CLIENT, programme: twoVenues() });
    token = await loginToken(srv.url);
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  async function page(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const ctx = await browser.newContext({ viewport });
    const p = await ctx.newPage();
    p.on('pageerror', (e) => console.error(`${path} page error:`, e.message));
    await p.goto(`${srv.url}${path}`);
    return p;
  }
  async function openMc(stage: string): Promise<Page> {
    const p = await page(`/mc?stage=${encodeURIComponent(stage)}`, { width: 1366, height: 1024 });
    await p.fill('#login-password', ADMIN_PASSWORD);
    await p.click('button[type=submit]');
    await p.waitForSelector('[data-testid=mc-primary]');
    await p.waitForSelector('.conn-online');
    return p;
  }
  const press = async (p: Page) => {
    await p.waitForTimeout(DOUBLE_TAP_MS + 50);
    await p.click('[data-testid=mc-primary]');
  };
  const titleIs = (p: Page, title: string) =>
    p.waitForFunction((t) => document.querySelector('[data-testid=stage-title]')?.textContent === t, title, { timeout: 3000 });
  const control = (stage: string, body: Record<string, unknown>, action: string) =>
    fetch(`${srv.url}/api/v1/control/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ stage, ...body }) });

  it('two MC consoles run two stages; each /stage follows its own; the agenda’s all-stages view shows both running', async () => {
    const mcHall = await openMc('hoi-nghi');
    // The link may name the stage as people say it.
    const mcMountain = await openMc('Măng Đen');
    const stageHall = await page('/stage?stage=hoi-nghi', { width: 1920, height: 1080 });
    const stageMountain = await page('/stage?stage=mang-den', { width: 1920, height: 1080 });

    await Promise.all([press(mcHall), press(mcMountain)]);
    await titleIs(stageHall, 'Đón tiếp đại biểu, tuyên bố lý do');
    await titleIs(stageMountain, 'Liên kết du lịch số vùng; bản đồ số, VR/AR');
    // Next on one stage moves that stage only.
    await mcHall.waitForFunction(() => document.querySelector('[data-testid=mc-primary]')?.textContent?.includes('Tiếp'));
    await press(mcHall);
    await titleIs(stageHall, 'Phát biểu khai mạc');
    await stageMountain.waitForTimeout(300);
    expect(await stageMountain.locator('[data-testid=stage-title]').innerText()).toBe('Liên kết du lịch số vùng; bản đồ số, VR/AR');
    expect(await mcMountain.locator('[data-testid=mc-current-title]').innerText()).toBe('Liên kết du lịch số vùng; bản đồ số, VR/AR');
    expect(await mcHall.locator('[data-testid=mc-current-title]').innerText()).toBe('Phát biểu khai mạc');

    const phone = await page('/agenda?all=1', { width: 390, height: 844 });
    await phone.waitForSelector('#ag-status[data-link=online]');
    const lines = phone.locator('.ag-stage-line .ag-line-what');
    await expect.poll(() => lines.allInnerTexts()).toEqual([
      expect.stringMatching(/^Đang diễn ra: Phát biểu khai mạc · /),
      expect.stringMatching(/^Đang diễn ra: Liên kết du lịch số vùng; bản đồ số, VR\/AR · /),
    ]);
    expect(await phone.locator('#seg-h2 .ag-stage-tag').innerText()).toBe('Hội trường chính · Trung tâm Hội nghị và Triển lãm tỉnh');
    expect(await phone.locator('.ag-row[data-status=now]').count()).toBe(2);
    // A Next on the mountain stage reaches the phone's all-stages view by itself.
    await press(mcMountain);
    await phone.waitForFunction(() => document.querySelector('#seg-m2')?.getAttribute('data-status') === 'now', undefined, { timeout: 3000 });
    await shot(phone, 'agenda-all-stages-390.png', true);
    for (const p of [mcHall, mcMountain, stageHall, stageMountain, phone]) await p.context().close();
  });

  it('an LED facing the hall never shows overtime while the speaker’s timer does; the logo and the unknown-stage list', async () => {
    // The event logo, uploaded once.
    const up = await fetch(`${srv.url}/api/v1/logo`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/svg+xml' }, body: LOGO });
    expect(up.status).toBe(200);

    const led = await page('/led', { width: 1920, height: 1080 });
    await pairLed(led, srv.url, token, 'LED sảnh Măng Đen');
    const tech = await socketClient(srv.url, token);
    const [screen] = expectOk(await ask(tech, 'screens:watch', {}));
    expectOk(await ask(tech, 'screen:assign', { screens: [screen!.id], layout: { type: 'now-next', stageId: 'mang-den', show: { clock: true, logo: true } } }));
    tech.close();
    // The running segment on the mountain stage goes 65 seconds over.
    const state = (await (await fetch(`${srv.url}/api/v1/state?stage=mang-den`)).json()) as { remainingMs: number };
    expect((await control('mang-den', { ms: -(state.remainingMs + 65_000) }, 'add-time')).status).toBe(200);

    const speaker = await page('/stage?stage=mang-den', { width: 1920, height: 1080 });
    // 65 s over when sent; a slow machine may take a while to open the page.
    await speaker.waitForFunction(() => /^\+\d\d:\d\d$/.test(document.querySelector('[data-testid=stage-digits]')?.textContent ?? ''));
    await led.waitForFunction(() => document.querySelector('[data-testid=led-title]')?.textContent === 'Chuyển đổi số trong du lịch tại Măng Đen');
    await led.waitForTimeout(1200);
    const wall = await led.locator('[data-layout]').innerText();
    expect(wall).not.toMatch(/\+\d\d:\d\d|Quá giờ/);
    expect(await led.locator('[data-testid=led-timer]').count()).toBe(0);
    expect(wall).toContain('Tiếp theo');
    await led.waitForFunction(() => (document.querySelector('[data-testid=led-logo]') as HTMLImageElement | null)?.complete === true);
    await shot(led, 'led-now-next-overtime-hidden-1920x1080.png');
    await led.setViewportSize({ width: 1920, height: 480 });
    await led.waitForTimeout(800);
    expect(await led.locator('[data-layout]').innerText()).not.toMatch(/\+\d\d:\d\d|Quá giờ/);
    await shot(led, 'led-now-next-overtime-hidden-1920x480.png');

    // The technician's preview draws the wall from the stage it shows, not from the first stage.
    const techPage = await page('/tech', { width: 1366, height: 1024 });
    await techPage.fill('#login-password', ADMIN_PASSWORD);
    await techPage.click('button[type=submit]');
    const preview = techPage.locator('[data-testid=tech-preview]');
    await preview.waitFor();
    expect(await preview.getAttribute('data-stage')).toBe('mang-den');
    await techPage.waitForFunction(() => document.querySelector('[data-testid=tech-preview] [data-testid=led-title]')?.textContent === 'Chuyển đổi số trong du lịch tại Măng Đen');
    expect(await preview.innerText()).not.toMatch(/\+\d\d:\d\d|Quá giờ/);
    await techPage.waitForSelector('[data-testid=tech-show]');
    await shot(techPage, 'tech-preview-by-stage-1366x1024.png');
    await techPage.context().close();

    const withLogo = await page('/stage?stage=hoi-nghi&logo=1', { width: 1920, height: 1080 });
    await withLogo.waitForFunction(() => (document.querySelector('[data-testid=stage-logo]') as HTMLImageElement | null)?.naturalWidth === 240);
    await shot(withLogo, 'stage-1920-logo.png');

    const unknown = await page(`/stage?stage=${encodeURIComponent('Khu triển lãm')}`, { width: 1920, height: 1080 });
    await unknown.waitForSelector('[data-testid=stage-chooser]');
    expect(await unknown.locator('[data-testid=stage-chooser] a').allInnerTexts()).toEqual([
      expect.stringContaining('Hội trường chính'),
      expect.stringContaining('Măng Đen'),
    ]);
    await shot(unknown, 'stage-unknown-1920.png');
    await unknown.click('text=Măng Đen');
    await unknown.waitForSelector('[data-testid=stage-title]');
    expect(new URL(unknown.url()).searchParams.get('stage')).toBe('mang-den');
    for (const p of [led, speaker, withLogo, unknown]) await p.context().close();
  });

  it('/edit: each stage’s name, id and venue, and the event logo', async () => {
    const edit = await page('/edit', { width: 1366, height: 1024 });
    await edit.fill('#login-password', ADMIN_PASSWORD);
    await edit.click('button[type=submit]');
    await edit.click('role=tab[name="Thông tin sự kiện"]');
    await edit.waitForSelector('[data-testid=stage-row]');
    expect(await edit.locator('[data-testid=stage-row] input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'Hội trường chính', 'hoi-nghi', 'Trung tâm Hội nghị và Triển lãm tỉnh', 'Măng Đen', 'mang-den', 'xã Măng Đen',
    ]);
    await edit.waitForFunction(() => (document.querySelector('.ev-logo-preview') as HTMLImageElement | null)?.naturalWidth === 240);
    await edit.locator('[data-testid=logo-settings]').scrollIntoViewIfNeeded();
    await shot(edit, 'edit-stages-logo-1366x1024.png', true);
    await edit.context().close();
  });
});
