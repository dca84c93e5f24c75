/**
 * The hostile-network attacks of docs/RELIABILITY.md ("Hostile network") against a running server,
 * the way `npm start` runs it. Each prints what the server answered and what a logged-in console
 * felt meanwhile (control acknowledgement p50/p95/max, timeouts).
 *
 *   npx tsx bench/hostile.ts --url=http://localhost:3000 --password=<admin password>
 *   npx tsx bench/hostile.ts --store        # damaged stores: starts dist/server/main.js itself (npm run build first)
 *
 * The login flood runs last: it leaves the address it came from locked out of login for 5 minutes.
 * It presses "message" on the first stage (shown on the stage timer): run it on a rehearsal server.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { PROTOCOL_VERSION, type Ack, type Snapshot } from '../shared/protocol.ts';
import { controlProbe } from '../test/support/console-probe.ts';
import { floodingReader } from '../test/support/flood.ts';
import type { TestClient } from '../test/support/server.ts';
import { inflatingDocx, zip } from '../test/support/zip.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const ROOT = join(import.meta.dirname, '..');

async function network(url: string, password: string) {
  // Every file is built before anything else: building them blocks this process, not the server,
  // and an HTTP connection left idle meanwhile would be closed by the server's keep-alive timeout.
  const docx = inflatingDocx(400_000);
  const bomb = zip([{ name: 'word/document.xml', data: Buffer.alloc(200_000_000, 0x20), declaredSize: 1000 }]);
  const rows: SheetData = [[{ value: 'Thời gian' }, { value: 'Nội dung' }]];
  for (let i = 0; i < 100_000; i++) rows.push([{ value: `${String(8 + (i % 10)).padStart(2, '0')}:00` }, { value: `Tiết mục ${i}` }]);
  const xlsx = Buffer.from(await writeXlsxFile(rows).toBuffer());

  const login = await fetch(`${url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const mc: TestClient = io(url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, token }, forceNew: true });
  await new Promise((r) => mc.once('connect', () => r(null)));
  const w = (await mc.emitWithAck('stage:watch', {})) as Ack<Snapshot>;
  const version = w.ok ? w.data.version : 0;

  const during = async (name: string, attack: () => Promise<string>) => {
    const probe = controlProbe(mc, version);
    const t = performance.now();
    const answer = await attack();
    const ms = Math.round(performance.now() - t);
    const felt = await probe.stop();
    console.log(`${name}\n  answer (${ms} ms): ${answer}\n  console meanwhile: ${felt.count} presses, p50 ${felt.p50} ms, p95 ${felt.p95} ms, max ${felt.max} ms, ${felt.timeouts} timeouts`);
  };
  const importFile = async (filename: string, data: Buffer) => {
    const r = await fetch(`${url}/api/v1/programme/import?dryRun=1`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ filename, base64: data.toString('base64'), mode: 'replace-all' }),
    });
    return `${r.status} ${(await r.text()).slice(0, 200)}`;
  };

  await during('2a. .docx of 400,000 empty paragraphs (4 KB, 2.4 MB of XML), dry run', () => importFile('plan.docx', docx));
  await during('2b. .docx inflating to 200 MB behind a false declared size', () => importFile('bomb.docx', bomb));
  await during('2c. 100,000-row .xlsx, dry run', () => importFile('sheet.xlsx', xlsx));

  await during('1. 40 anonymous sockets (half on /socket.io, half on /live) send 2,000 watches each and never read', async () => {
    const attackers = await Promise.all(Array.from({ length: 40 }, (_, i) => floodingReader(url, i % 2 === 0 ? '/socket.io' : '/live', 2000)));
    // The console's presses during these 10 s are the measure: a paused client cannot see the
    // server close it, so the sockets' own state says nothing here.
    await new Promise((r) => setTimeout(r, 10_000));
    attackers.forEach((ws) => ws.terminate());
    return `${attackers.length} sockets sent ${attackers.length * 2000} watches`;
  });
  {
    const guest: TestClient = io(url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION }, forceNew: true });
    await new Promise((r) => guest.once('connect', () => r(null)));
    const r = (await guest.emitWithAck('screen:register', { screenId: 'ABCD', key: 'made-up-key-made-up-key', width: 1920, height: 1080 })) as Ack<unknown>;
    console.log(`4. screen:register of screen ABCD with a made-up key (an anonymous rename): ${r.ok ? 'ACCEPTED' : `${r.error.code}: ${r.error.message}`}`);
    guest.close();
  }

  for (const [label, raw] of [
    ['9. __proto__ key', '{"text":"x","__proto__":{"admin":true}}'],
    ['9. constructor key', '{"text":"x","constructor":{}}'],
    ['9. NUL in a message', JSON.stringify({ text: 'Còn\u0000 2 phút' })],
    ['9. zero-width-only message', JSON.stringify({ text: '\u200b\u200b' })],
  ] as const) {
    const r = await fetch(`${url}/api/v1/control/message`, { method: 'POST', headers, body: raw });
    console.log(`${label}: ${r.status} ${(await r.text()).slice(0, 160)}`);
  }
  await during('3. 300 wrong passwords at once from this address', async () => {
    const codes = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        fetch(`${url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: `guess-${i}` }) }).then(
          (r) => r.status,
          // Past the per-address connection cap the server closes the connection unanswered.
          () => 0,
        ),
      ),
    );
    return `${codes.filter((c) => c === 401).length} checked (401), ${codes.filter((c) => c === 429).length} refused before hashing (429), ${codes.filter((c) => c === 0).length} connections closed by the per-address cap`;
  }).catch((e: unknown) => console.log(`3. ${String(e)}`));
  mc.close();
}

/** Starts the bundle on a data folder; resolves with its exit code and output (or 'READY' if it came up). */
function startOn(dataDir: string): Promise<string> {
  const proc = spawn(process.execPath, [join(ROOT, 'dist/server/main.js')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, ADMIN_PASSWORD: 'hostile-test-password' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve) => {
    const add = (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY')) {
        proc.kill('SIGKILL');
        resolve(`came up:\n${out.trim()}`);
      }
    };
    proc.stdout.on('data', add);
    proc.stderr.on('data', add);
    proc.once('exit', (code) => resolve(`exit ${code}: ${out.trim()}`));
  });
}

async function stores() {
  if (!existsSync(join(ROOT, 'dist/server/main.js'))) throw new Error('run `npm run build` first');
  const fresh = mkdtempSync(join(tmpdir(), 'ros-hostile-'));
  await startOn(fresh); // a real store with the demo programme
  const file = join(fresh, 'run-of-show.sqlite');
  const whole = readFileSync(file);
  for (const [label, damage] of [
    ['6a. 0-byte store', (f: string) => writeFileSync(f, '')],
    ['6b. store truncated to half', (f: string) => writeFileSync(f, whole.subarray(0, whole.length / 2))],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'ros-hostile-'));
    damage(join(dir, 'run-of-show.sqlite'));
    console.log(`${label}: ${await startOn(dir)}`);
  }
  try {
    execFileSync('chattr', ['+i', file]);
    console.log(`6c. read-only store (chattr +i): ${await startOn(fresh)}`);
    execFileSync('chattr', ['-i', file]);
  } catch (e) {
    console.log(`6c. read-only store: skipped (chattr +i needs root: ${String(e).slice(0, 80)})`);
  }
}

if (process.argv.includes('--store')) await stores();
else await network(arg('url') ?? 'http://localhost:3000', arg('password') ?? process.env.ADMIN_PASSWORD ?? '');
process.exit(0);
