import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ReportView from '../../../client/views/report/ReportView.tsx';
import { diffClass, durationPhrase, startPhrase } from '../../../client/views/report/format.ts';
import { setSession } from '../../../client/auth/session.ts';
import { resolvePlan } from '../../../shared/engine/plan.ts';
import type { LogEntry } from '../../../shared/model/action.schema.ts';
import { stageReport } from '../../../shared/report/report.ts';
import { at, makeProgramme } from '../../support/factories.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

describe('report phrases', () => {
  it('late/early and over/under with a 30-second tolerance', () => {
    expect(startPhrase(90_000)).toEqual({ key: 'report.late', params: { d: '1:30' } });
    expect(startPhrase(-120_000)).toEqual({ key: 'report.early', params: { d: '2:00' } });
    expect(startPhrase(20_000)).toEqual({ key: 'report.onTime' });
    expect(durationPhrase(3_600_000 + 5000)).toEqual({ key: 'report.over', params: { d: '1:00:05' } });
    expect(durationPhrase(null)).toBeNull();
    expect([diffClass(60_000), diffClass(-60_000), diffClass(0)]).toEqual(['over', 'under', '']);
  });
  it('never reports a lateness beyond twelve hours: that day ran on another date than planned', () => {
    const hours = (h: number) => h * 3_600_000;
    expect(startPhrase(hours(12))).toEqual({ key: 'report.late', params: { d: '12:00:00' } });
    expect(startPhrase(hours(10395))).toEqual({ key: 'report.offDate' });
    expect(startPhrase(-hours(30))).toEqual({ key: 'report.offDate' });
    expect(diffClass(hours(10395))).toBe('');
  });
});

describe('/report', () => {
  it('shows planned and actual side by side, the skipped segment and the totals, in the event time zone', async () => {
    const p = makeProgramme([
      ['17:00', 15, { title: 'Ca nhạc' }],
      [null, 5, { title: 'Tuyên bố lý do' }],
      [null, 10, { title: 'Phát biểu khai mạc' }],
    ]);
    const log: LogEntry[] = [
      { version: 1, stageId: 'main', at: at('17:02'), actor: 'mc', command: { type: 'start' } },
      { version: 2, stageId: 'main', at: at('17:20'), actor: 'mc', command: { type: 'goto', segmentId: 's3' } },
      { version: 3, stageId: 'main', at: at('17:29'), actor: 'mc', command: { type: 'end' } },
    ];
    const days = stageReport(p, resolvePlan(p), 'main', log, at('18:00')).days.filter((d) => d.dayId === 'd1');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ event: { title: 'Ngày hội', timeZone: 'Asia/Ho_Chi_Minh', venue: '' }, generatedAt: at('18:00'), days, replayIssues: [] }))),
    );
    setSession({ token: 't', role: 'admin', expiresAt: null });
    render(<ReportView />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    const cells = (i: number) => within(rows[i]!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(1)).toEqual(['1', 'Ca nhạc', '17:00', '15:00', '17:02:00', '18:00', 'muộn 2:00', 'vượt 3:00', 'Đã diễn ra']);
    expect(cells(2)).toEqual(['2', 'Tuyên bố lý do', '17:15', '5:00', '—', '—', '', '', 'Bỏ qua']);
    expect(cells(3)).toEqual(['3', 'Phát biểu khai mạc', '17:20', '10:00', '17:20:00', '9:00', 'đúng giờ', 'thiếu 1:00', 'Đã diễn ra']);
    expect(screen.getByText('2 đã diễn ra · 1 bỏ qua · 0 chưa diễn ra')).toBeTruthy();
    // 18 + 9 minutes ran against 15 + 10 planned for those two.
    expect(rows.at(-1)?.textContent).toContain('vượt 2:00');
  });
});

describe('/report: where each day stands', () => {
  const p = () =>
    makeProgramme([
      ['17:00', 15, { title: 'Ca nhạc' }],
      [null, 5, { title: 'Tuyên bố lý do' }],
      [null, 10, { title: 'Phát biểu khai mạc' }],
      ['08:00', 30, { dayId: 'd2', title: 'Hội thảo' }],
    ]);
  const renderDays = async (log: LogEntry[], now: number) => {
    const prog = p();
    const days = stageReport(prog, resolvePlan(prog), 'main', log, now).days;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ event: { title: 'Ngày hội', timeZone: 'Asia/Ho_Chi_Minh', venue: '' }, generatedAt: now, days, replayIssues: [] }))),
    );
    setSession({ token: 't', role: 'admin', expiresAt: null });
    render(<ReportView />);
    await screen.findAllByRole('table');
    return days;
  };
  const section = (name: RegExp) => within(screen.getByRole('region', { name }));

  it('a day never run says so and claims no "on time"; a running day says it runs; the counts add up to the rows', async () => {
    const log: LogEntry[] = [
      { version: 1, stageId: 'main', at: at('17:02'), actor: 'mc', command: { type: 'start' } },
      { version: 2, stageId: 'main', at: at('17:20'), actor: 'mc', command: { type: 'next' } },
    ];
    const days = await renderDays(log, at('17:30'));
    for (const d of days) {
      const c = d.totals;
      expect(c.done + c.running + c.skipped + c.notRun).toBe(d.rows.length);
    }
    const d1 = section(/2025-07-11/);
    expect(d1.getByText('Đang diễn ra — số liệu tính đến lúc lập báo cáo.')).toBeTruthy();
    expect(d1.getByText('1 đã diễn ra · 1 đang diễn ra · 0 bỏ qua · 1 chưa diễn ra')).toBeTruthy();
    // Still running: how late the day ends is not known yet, and the page does not guess.
    expect(days[0]!.totals.endDiffMs).toBeNull();
    expect(d1.getByText('chưa kết thúc (đang diễn ra)')).toBeTruthy();
    const d2 = section(/2025-07-12/);
    expect(d2.getByText('Ngày này chưa chạy: chưa tiết mục nào được bắt đầu từ bàn MC.')).toBeTruthy();
    expect(d2.queryByText('đúng giờ')).toBeNull();
    expect(d2.getByText('0 đã diễn ra · 0 bỏ qua · 1 chưa diễn ra')).toBeTruthy();
  });

  it('an ended day says when it ended', async () => {
    const log: LogEntry[] = [
      { version: 1, stageId: 'main', at: at('17:00'), actor: 'mc', command: { type: 'start' } },
      { version: 2, stageId: 'main', at: at('17:15'), actor: 'mc', command: { type: 'next' } },
      { version: 3, stageId: 'main', at: at('17:20'), actor: 'mc', command: { type: 'next' } },
      { version: 4, stageId: 'main', at: at('17:31'), actor: 'mc', command: { type: 'next' } },
    ];
    const days = await renderDays(log, at('18:00'));
    expect(days[0]!.state).toBe('ended');
    expect(section(/2025-07-11/).getByText('Đã kết thúc lúc 17:31.')).toBeTruthy();
  });
});
