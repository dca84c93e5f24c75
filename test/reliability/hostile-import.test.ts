import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { Ack, Snapshot } from '../../shared/protocol.ts';
import { serverBundle } from '../support/bundle.ts';
import { controlProbe, type ProbeResult } from '../support/console-probe.ts';
import { loginToken, socketClient, spawnServer, type ServerProcess, type TestClient } from '../support/server.ts';
import { inflatingDocx, zip } from '../support/zip.ts';

// The server as `npm start` runs it (the esbuild bundle with its separate import worker file).
let server: ServerProcess;
let token: string;
let mc: TestClient;
let version = 0;
let xlsx: Buffer;
let bombs: Buffer[];
beforeAll(async () => {
  const big = Buffer.alloc(200_000_000, 0x20);
  bombs = [undefined, 1000].map((declaredSize) => zip([{ name: 'word/document.xml', data: big, ...(declaredSize ? { declaredSize } : {}) }]));
  // Built first: seconds of work here would otherwise outlast the server's keep-alive between two requests.
  const rows: SheetData = [[{ value: 'Thời gian' }, { value: 'Nội dung' }, { value: 'Thực hiện' }]];
  for (let i = 0; i < 100_000; i++) rows.push([{ value: `${String(8 + (i % 10)).padStart(2, '0')}:00` }, { value: `Tiết mục số ${i}` }, { value: 'Đoàn nghệ thuật' }]);
  xlsx = Buffer.from(await writeXlsxFile(rows).toBuffer());
  server = await spawnServer({ bundle: await serverBundle() });
  token = await loginToken(server.url);
  mc = await socketClient(server.url, token);
  const w = (await mc.emitWithAck('stage:watch', { stageId: 'main' })) as Ack<Snapshot>;
  if (w.ok) version = w.data.version;
});
afterAll(async () => {
  mc?.close();
  await server?.stop();
});

const importFile = (filename: string, data: Buffer) =>
  fetch(`${server.url}/api/v1/programme/import?dryRun=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ filename, base64: data.toString('base64'), mode: 'replace-all' }),
  });

/** Runs `attack` while the console presses every 50 ms; returns the answer and what the console felt. */
async function whileConsolePresses<T>(attack: () => Promise<T>): Promise<{ answer: T; felt: ProbeResult; ms: number }> {
  const probe = controlProbe(mc, version);
  const t = performance.now();
  const answer = await attack();
  const ms = Math.round(performance.now() - t);
  const felt = await probe.stop();
  console.log(`console during the attack (${ms} ms): ${JSON.stringify(felt)}`);
  return { answer, felt, ms };
}

const errorOf = async (r: Response) => ({ status: r.status, ...((await r.json()) as { error: { code: string; message: string } }).error });

describe('no file can freeze the server', () => {
  it('a 4 KB .docx of 400,000 empty paragraphs (2.4 MB of XML): a clear 413 naming the limit it hit (time or memory, whichever this machine reaches first), the console unaffected', async () => {
    const docx = inflatingDocx(400_000);
    expect(docx.length).toBeLessThan(10_000);
    const { answer, felt } = await whileConsolePresses(async () => errorOf(await importFile('ke-hoach.docx', docx)));
    expect(answer.status).toBe(413);
    expect(answer.message).toMatch(/(took longer than 10 s|needed more than 256 MB of memory), the limit for one import/);
    expect(felt.timeouts).toBe(0);
    expect(felt.count).toBeGreaterThan(20);
    expect(felt.p95).toBeLessThanOrEqual(250);
  });

  it('a .docx that inflates to 200 MB, declared or hidden behind a false size: 413 naming the inflated-size limit', async () => {
    for (const bomb of bombs) {
      const { answer, felt } = await whileConsolePresses(async () => errorOf(await importFile('bom.docx', bomb)));
      expect(answer.status).toBe(413);
      expect(answer.message).toMatch(/inflates to more than 50 MB, the limit for one import/);
      expect(felt.timeouts).toBe(0);
      expect(felt.p95).toBeLessThanOrEqual(250);
    }
  });

  it('a 100,000-row .xlsx: a clear error, the console unaffected, and the server reads a good file next', async () => {
    const { answer, felt } = await whileConsolePresses(async () => errorOf(await importFile('chuong-trinh.xlsx', xlsx)));
    expect([400, 413]).toContain(answer.status);
    expect(answer.code).toBe('bad_request');
    console.log(`100,000-row .xlsx answered ${answer.status}: ${answer.message}`);
    expect(answer.message).toMatch(/limit for one import|could not be read|not valid/);
    expect(felt.timeouts).toBe(0);
    expect(felt.p95).toBeLessThanOrEqual(250);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const good = await fetch(`${server.url}/api/v1/programme/import?dryRun=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text: '09:00 - 09:30\tKhai mạc\n09:30 - 10:00\tBế mạc', format: 'tsv', mode: 'replace-all' }),
    });
    expect(good.status).toBe(200);
  });
});
