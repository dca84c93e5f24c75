import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgrammePayload } from '../../shared/protocol.ts';
import { ask, expectOk } from '../support/client.ts';
import { makeProgramme } from '../support/factories.ts';
import { useTestServer } from '../support/server.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/import', name), 'utf8');

/** The Quảng Ngãi week as the organiser sets it up: two stages, their venues still blank. */
function twoEmptyStages() {
  const base = makeProgramme([]);
  return {
    ...base,
    event: {
      ...base.event,
      title: 'Tuần lễ Đổi mới sáng tạo và Chuyển đổi số tỉnh Quảng Ngãi năm 2025',
      stages: [
        { id: 'hoi-nghi', name: 'Hội trường chính', venue: '' },
        { id: 'mang-den', name: 'Măng Đen', venue: '' },
      ],
    },
  };
}

const srv = useTestServer({ programme: twoEmptyStages() });

describe('the Quảng Ngãi programme on two venues', () => {
  it('imports each venue’s programme onto its stage with the venue the document names, then runs both at once', async () => {
    for (const [file, stageId] of [
      ['quang-ngai-hoi-nghi.txt', 'hoi-nghi'],
      ['quang-ngai-mang-den.txt', 'mang-den'],
    ] as const) {
      const r = await srv.api('POST', '/api/v1/programme/import', { text: fixture(file), stageId, mode: 'replace-day' });
      expect(r.status).toBe(200);
    }
    const { programme, plan } = (await (await srv.api('GET', '/api/v1/programme')).json()) as ProgrammePayload;
    expect(programme.event.stages).toEqual([
      { id: 'hoi-nghi', name: 'Hội trường chính', venue: 'Trung tâm Hội nghị và Triển lãm tỉnh Quảng Ngãi' },
      { id: 'mang-den', name: 'Măng Đen', venue: 'xã Măng Đen, tỉnh Quảng Ngãi' },
    ]);
    const day = (date: string) => programme.event.days.find((d) => d.date === date)!.id;
    const hall = plan.lines[`${day('2025-09-25')}/hoi-nghi`]!;
    const mountain = plan.lines[`${day('2025-09-19')}/mang-den`]!;
    expect(hall).toHaveLength(8);
    expect(mountain).toHaveLength(9);
    expect(programme.segments.filter((s) => s.stageId === 'hoi-nghi').map((s) => s.section)).toContain('TỌA ĐÀM');

    // Two MC tablets, one per venue, and a phone following both.
    const mcHall = await srv.client();
    const mcMountain = await srv.client();
    const phone = await srv.client('', '/live');
    expectOk(await ask(phone, 'stages:watch', {}));
    const heard = new Map<string, string | null>();
    phone.on('run', (s) => heard.set(s.stageId, s.run.cursorId));

    expectOk(await ask(mcHall, 'control', { stageId: 'hoi-nghi', command: { type: 'start', dayId: day('2025-09-25') } }));
    expectOk(await ask(mcMountain, 'control', { stageId: 'Măng Đen', command: { type: 'start', dayId: day('2025-09-19') } }));
    for (let i = 0; i < 3; i++) expectOk(await ask(mcHall, 'control', { stageId: 'hoi-nghi', command: { type: 'next' } }));
    expectOk(await ask(mcMountain, 'control', { stageId: 'mang-den', command: { type: 'next' } }));

    const titleOf = (id: string | null | undefined) => programme.segments.find((s) => s.id === id)?.title;
    await expect.poll(() => titleOf(heard.get('hoi-nghi'))).toBe('Phát biểu chào mừng');
    await expect.poll(() => titleOf(heard.get('mang-den'))).toBe('Tuyên bố lý do, giới thiệu đại biểu');
    const hallState = (await (await srv.api('GET', '/api/v1/state?stage=hoi-nghi')).json()) as { version: number; phase: string };
    const mountainState = (await (await srv.api('GET', '/api/v1/state?stage=mang-den')).json()) as { version: number; phase: string };
    expect([hallState.version, mountainState.version]).toEqual([4, 2]);
    expect([hallState.phase, mountainState.phase]).toEqual(['running', 'running']);
  });
});
