import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StageView } from '../../../shared/engine/view.ts';
import type { Command } from '../../../shared/model/action.schema.ts';
import type { Ack, Snapshot } from '../../../shared/protocol.ts';
import { McScreen } from '../../../client/views/mc/McScreen.tsx';
import { setLang } from '../../../client/i18n/lang.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { ConnectionStatus } from '../../../client/store/show.store.ts';
import { at, MIN } from '../../support/factories.ts';
import { scenario } from '../stage/views.ts';

const s = scenario([
  ['17:00', 15, { title: 'Ca nhạc chào mừng', performer: 'Sở VHTTDL', notes: 'Kính thưa quý vị đại biểu…', section: 'KHAI MẠC' }],
  [null, 5, { title: 'Giới thiệu đại biểu', performer: 'MC', notes: 'Đọc danh sách khách mời' }],
  ['17:30', 10, { title: 'Phát biểu khai mạc', kind: 'speech' }],
]);
type Log = [Command, number][];
const start = (t: number): Log => [[{ type: 'start', dayId: 'd1' }, t]];

const ok = (): Promise<Ack<Snapshot>> => Promise.resolve({ ok: true, data: {} as Snapshot });
const fail = (code: 'stale_version' | 'offline' | 'not_running'): Promise<Ack<Snapshot>> =>
  Promise.resolve({ ok: false, error: { code, message: code } });

function mount(view: StageView, now: number, send = vi.fn((_c: Command) => ok()), connection: ConnectionStatus = 'online') {
  render(
    <McScreen view={view} now={now} payload={s.payload} segments={s.segments} stageId="main" onStage={() => {}} connection={connection} send={send} />,
  );
  return send;
}
const primary = () => screen.getByTestId('mc-primary');
const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};

afterEach(() => {
  setLang('vi');
  vi.useRealTimers();
});

describe('<McScreen>', () => {
  it('before the show: Start starts the chosen day', async () => {
    const send = mount(s.view([], at('16:50')), at('16:50'));
    expect(primary().textContent).toBe('Bắt đầu');
    await click(primary());
    expect(send).toHaveBeenCalledWith({ type: 'start', dayId: 'd1' });
  });

  it('while running: current and next with the script, the countdown, and Next on the big button', () => {
    const now = at('17:08');
    mount(s.view(start(at('17:00')), now), now);
    expect(primary().textContent).toBe('Tiếp');
    expect(screen.getByTestId('mc-current-title').textContent).toBe('Ca nhạc chào mừng');
    expect(screen.getByTestId('mc-notes').textContent).toBe('Kính thưa quý vị đại biểu…');
    expect(screen.getByTestId('mc-next-title').textContent).toBe('Giới thiệu đại biểu');
    expect(screen.getByText('Đọc danh sách khách mời')).toBeTruthy();
    expect(screen.getByTestId('mc-countdown').textContent).toBe('07:00');
    expect(screen.getByTestId('mc-countdown').dataset.level).toBe('normal');
    expect(screen.getByTestId('mc-ahead').textContent).toBe('Đúng giờ');
  });

  it('uses the stage timer thresholds: warning, then overtime counting up', () => {
    const { unmount } = render(<McScreen view={s.view(start(at('17:00')), at('17:13', 30))} now={at('17:13', 30)} payload={s.payload} segments={s.segments} stageId="main" onStage={() => {}} connection="online" send={vi.fn((_c: Command) => ok())} />);
    expect(screen.getByTestId('mc-countdown').dataset.level).toBe('warning');
    unmount();
    mount(s.view(start(at('17:00')), at('17:16', 4)), at('17:16', 4));
    expect(screen.getByTestId('mc-countdown').dataset.level).toBe('overtime');
    expect(screen.getByTestId('mc-countdown').textContent).toBe('+01:04Quá giờ');
  });

  it('says how far behind or ahead the show runs', () => {
    const { unmount } = render(
      <McScreen view={s.view(start(at('17:06')), at('17:07'))} now={at('17:07')} payload={s.payload} segments={s.segments} stageId="main" onStage={() => {}} connection="online" send={vi.fn((_c: Command) => ok())} />,
    );
    expect(screen.getByTestId('mc-ahead').textContent).toBe('Chậm 6 phút');
    unmount();
    mount(s.view(start(at('16:58')), at('16:59')), at('16:59'));
    expect(screen.getByTestId('mc-ahead').textContent).toBe('Sớm 2 phút');
  });

  it('warns loudly when a fixed-time segment is projected to start late, with by how much', () => {
    // 15 + 5 minutes from 17:14 ends at 17:34: the 17:30 speech slips 4 minutes.
    mount(s.view(start(at('17:14')), at('17:15')), at('17:15'));
    const alert = screen.getByTestId('mc-fixed-late');
    expect(alert.textContent).toContain('Mốc 17:30 dự kiến bắt đầu muộn 4 phút — “Phát biểu khai mạc”');
    expect(alert.getAttribute('role')).toBe('alert');
  });

  it('lists the day with planned, projected and actual times', () => {
    mount(s.view(start(at('17:06')), at('17:07')), at('17:07'));
    const row = (id: string) => within(screen.getByTestId(`mc-row-${id}`)).getAllByText(/\d\d:\d\d/).map((e) => e.textContent);
    expect(row('s1')).toEqual(['17:00●', '17:06', '17:06']);
    expect(within(screen.getByTestId('mc-row-s1')).getByTitle('Giờ cố định')).toBeTruthy();
    expect(row('s2')).toEqual(['17:15', '17:21']);
    expect(screen.getByTestId('mc-row-s1').dataset.status).toBe('current');
  });

  it('a stale press shows the short "already advanced" notice', async () => {
    const send = mount(s.view(start(at('17:00')), at('17:01')), at('17:01'), vi.fn((_c: Command) => fail('stale_version')));
    await click(primary());
    expect(send).toHaveBeenCalledWith({ type: 'next' });
    const notice = screen.getByTestId('mc-notice');
    expect(notice.textContent).toBe('Đã được người khác chuyển rồi — màn hình đã cập nhật');
    expect(notice.dataset.tone).toBe('stale');
  });

  it('a double tap sends one Next; the second tap is told it already advanced', async () => {
    const send = mount(s.view(start(at('17:00')), at('17:01')), at('17:01'));
    await click(primary());
    await click(primary());
    expect(send).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('mc-notice').dataset.tone).toBe('stale');
  });

  it('a press while disconnected is refused on the spot, and the disconnection is always shown', async () => {
    mount(s.view(start(at('17:00')), at('17:01')), at('17:01'), vi.fn((_c: Command) => fail('offline')), 'offline');
    expect(screen.getByTestId('mc-offline').textContent).toContain('Mất kết nối');
    await click(screen.getByRole('button', { name: '+1 phút' }));
    expect(screen.getByTestId('mc-notice').textContent).toBe('Mất kết nối — lệnh chưa được gửi');
    expect(screen.getByTestId('mc-notice').dataset.tone).toBe('offline');
  });

  it('an engine refusal is explained', async () => {
    mount(s.view([], at('16:00')), at('16:00'), vi.fn((_c: Command) => fail('not_running')));
    await click(screen.getByRole('button', { name: '■ Kết thúc' }));
    expect(screen.getByTestId('mc-notice').textContent).toBe('Không có tiết mục nào đang chạy');
  });

  it('time controls: +1, −1 and a custom amount', async () => {
    const send = mount(s.view(start(at('17:00')), at('17:01')), at('17:01'));
    await click(screen.getByRole('button', { name: '+1 phút' }));
    await click(screen.getByRole('button', { name: '−1 phút' }));
    fireEvent.change(screen.getByPlaceholderText('Số phút'), { target: { value: '2,5' } });
    await click(screen.getByRole('button', { name: '− Trừ' }));
    expect(send.mock.calls.map((c) => c[0])).toEqual([
      { type: 'add-time', ms: MIN },
      { type: 'add-time', ms: -MIN },
      { type: 'add-time', ms: -150_000 },
    ]);
    fireEvent.change(screen.getByPlaceholderText('Số phút'), { target: { value: 'abc' } });
    await click(screen.getByRole('button', { name: '+ Cộng' }));
    expect(send).toHaveBeenCalledTimes(3);
    expect(screen.getByRole('alert', { name: '' }).textContent).toBeTruthy();
  });

  it('pause shows Resume; Back and End send their commands', async () => {
    const log: Log = [...start(at('17:00')), [{ type: 'pause' }, at('17:02')]];
    const send = mount(s.view(log, at('17:03')), at('17:03'));
    await click(screen.getByRole('button', { name: 'Chạy tiếp' }));
    await click(screen.getByRole('button', { name: '◀ Quay lại' }));
    expect(send.mock.calls.map((c) => c[0])).toEqual([{ type: 'resume' }, { type: 'previous' }]);
    expect(screen.getByTestId('mc-countdown').textContent).toContain('Tạm dừng');
  });

  it('Go to asks to confirm before it jumps', async () => {
    const send = mount(s.view(start(at('17:00')), at('17:01')), at('17:01'));
    await click(screen.getByRole('button', { name: 'Chuyển đến: Phát biểu khai mạc' }));
    expect(send).not.toHaveBeenCalled();
    await click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(send).toHaveBeenCalledWith({ type: 'goto', segmentId: 's3' });
  });

  it('messages: presets, free text, hide and flash', async () => {
    const log: Log = [...start(at('17:00')), [{ type: 'message', text: 'Còn 2 phút' }, at('17:01')]];
    const send = mount(s.view(log, at('17:02')), at('17:02'));
    expect(screen.getByTestId('mc-msg-state').textContent).toBe('Đang hiện: “Còn 2 phút”');
    await click(screen.getByRole('button', { name: 'Xin kết thúc' }));
    fireEvent.change(screen.getByPlaceholderText('Nhập thông điệp…'), { target: { value: '  Mời lên sân khấu ' } });
    await click(screen.getByRole('button', { name: 'Gửi' }));
    await click(screen.getByRole('button', { name: '⚡ Nháy' }));
    await click(screen.getByRole('button', { name: 'Ẩn' }));
    expect(send.mock.calls.map((c) => c[0])).toEqual([
      { type: 'message', text: 'Xin kết thúc' },
      { type: 'message', text: 'Mời lên sân khấu' },
      { type: 'message-flash' },
      { type: 'message-hide' },
    ]);
    expect((screen.getByPlaceholderText('Nhập thông điệp…') as HTMLInputElement).value).toBe('');
  });

  it('a hidden message can be shown again', async () => {
    const log: Log = [...start(at('17:00')), [{ type: 'message', text: 'Còn 1 phút' }, at('17:01')], [{ type: 'message-hide' }, at('17:02')]];
    const send = mount(s.view(log, at('17:03')), at('17:03'));
    expect(screen.getByTestId('mc-msg-state').textContent).toBe('Đã ẩn: “Còn 1 phút”');
    await click(screen.getByRole('button', { name: 'Hiện lại' }));
    expect(send).toHaveBeenCalledWith({ type: 'message', text: 'Còn 1 phút' });
  });

  it('looking at another day never changes the big button: it stays Next of the running day', async () => {
    const two = scenario([
      ['17:00', 15, { title: 'Day one' }],
      [null, 10, { title: 'Day one, second' }],
      ['08:00', 60, { title: 'Day two workshop', dayId: 'd2' }],
    ]);
    const send = vi.fn((_c: Command) => ok());
    render(<McScreen view={two.view(start(at('17:00')), at('17:01'))} now={at('17:01')} payload={two.payload} segments={two.segments} stageId="main" onStage={() => {}} connection="online" send={send} />);
    await click(screen.getByRole('button', { name: /12\/07/ }));
    expect(screen.getByTestId('mc-row-s3')).toBeTruthy();
    expect(screen.queryByTestId('mc-row-s1')).toBeNull();
    expect(primary().textContent).toBe('Tiếp');
    // No "Go to" on another day's rows: that would start the day without its confirmation.
    expect(within(screen.getByTestId('mc-row-s3')).queryByRole('button')).toBeNull();
    await click(primary());
    expect(send).toHaveBeenLastCalledWith({ type: 'next' });
    // While a segment runs, another day cannot start; the console says why instead of offering it.
    expect(screen.queryByTestId('mc-start-day')).toBeNull();
    expect(screen.getByTestId('mc-other-day').textContent).toContain('kết thúc tiết mục đang chạy trước');
  });

  it('starting another day is its own action, confirmed with the date', async () => {
    const two = scenario([
      ['17:00', 15, { title: 'Day one' }],
      ['08:00', 60, { title: 'Day two workshop', dayId: 'd2' }],
    ]);
    const send = vi.fn((_c: Command) => ok());
    const now = at('17:20');
    render(<McScreen view={two.view([...start(at('17:00')), [{ type: 'next' }, at('17:15')]], now)} now={now} payload={two.payload} segments={two.segments} stageId="main" onStage={() => {}} connection="online" send={send} />);
    await click(screen.getByRole('button', { name: /12\/07/ }));
    expect(primary().textContent).toBe('Đã hết chương trình');
    await click(screen.getByTestId('mc-start-day'));
    const dialog = screen.getByTestId('mc-start-day-dialog');
    expect(dialog.textContent).toContain('12/07/2025');
    expect(dialog.textContent).toContain('không phải hôm nay (11/07/2025)');
    expect(send).not.toHaveBeenCalled();
    await click(within(dialog).getByRole('button', { name: 'Huỷ' }));
    expect(screen.queryByTestId('mc-start-day-dialog')).toBeNull();
    expect(send).not.toHaveBeenCalled();
    await click(screen.getByTestId('mc-start-day'));
    await click(screen.getByTestId('mc-start-day-confirm'));
    expect(send).toHaveBeenCalledWith({ type: 'start', dayId: 'd2' });
  });

  it('a Start on a day whose date is not today asks first, saying the date', async () => {
    // 25/9/2025 a year later: the day is long past.
    const now = at('17:00') + 365 * 24 * 60 * MIN;
    const send = mount(s.view([], now), now);
    expect(primary().textContent).toBe('Bắt đầu');
    await click(primary());
    expect(send).not.toHaveBeenCalled();
    const dialog = screen.getByTestId('mc-start-day-dialog');
    expect(screen.getByTestId('mc-start-day-not-today').textContent).toContain('11/07/2025');
    await click(within(dialog).getByTestId('mc-start-day-confirm'));
    expect(send).toHaveBeenCalledWith({ type: 'start', dayId: 'd1' });
  });

  it("Start works on today's day even after its planned end, without asking: the date is today", async () => {
    const two = scenario([
      ['17:00', 15, { title: 'Day one' }],
      ['08:00', 60, { title: 'Day two workshop', dayId: 'd2' }],
    ]);
    const send = vi.fn((_c: Command) => ok());
    const late = at('23:00');
    render(<McScreen view={two.view([], late)} now={late} payload={two.payload} segments={two.segments} stageId="main" onStage={() => {}} connection="online" send={send} />);
    expect(screen.queryByTestId('mc-other-day')).toBeNull();
    await click(primary());
    expect(screen.queryByTestId('mc-start-day-dialog')).toBeNull();
    expect(send).toHaveBeenCalledWith({ type: 'start', dayId: 'd1' });
  });

  it('a day run on another date than printed is never shown as hours late', () => {
    const later = 433 * 24 * 60 * MIN;
    mount(s.view(start(at('17:00') + later), at('17:05') + later), at('17:05') + later);
    expect(screen.getByTestId('mc-ahead').textContent).toBe('Đang chạy khác ngày in trong kế hoạch');
    expect(screen.queryByTestId('mc-fixed-late')).toBeNull();
    expect(document.querySelector('.mc-delta-late')).toBeNull();
  });

  it('after the last segment: the day says it ended and how early it finished', () => {
    const log: Log = [...start(at('17:00')), [{ type: 'next' }, at('17:01')], [{ type: 'next' }, at('17:02')], [{ type: 'next' }, at('17:03')]];
    mount(s.view(log, at('17:04')), at('17:04'));
    expect(screen.getByTestId('mc-ahead').textContent).toBe('Đã kết thúc, sớm 37 phút');
    expect(screen.getByTestId('mc-current-title').textContent).toBe('Chương trình của ngày đã hết');
  });

  it('a notice on screen follows a switch of language', async () => {
    mount(s.view([], at('16:50')), at('16:50'), vi.fn((_c: Command) => fail('not_running')));
    await click(screen.getByRole('button', { name: /Tạm dừng/ }));
    const vietnamese = screen.getByTestId('mc-notice').textContent;
    await click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByTestId('mc-notice').textContent).not.toBe(vietnamese);
    expect(screen.getByTestId('mc-notice').textContent).toBe(translate('en', 'refusal.not_running'));
  });

  it('offers a stage picker only when the event has more than one stage', async () => {
    mount(s.view(start(at('17:00')), at('17:01')), at('17:01'));
    expect(screen.queryByRole('combobox', { name: 'Sân khấu' })).toBeNull();
    const programme = { ...s.programme, event: { ...s.programme.event, stages: [...s.programme.event.stages, { id: 'hall', name: 'Hội trường', venue: '' }] } };
    const onStage = vi.fn();
    render(
      <McScreen view={s.view([], at('16:00'))} now={at('16:00')} payload={{ ...s.payload, programme }} segments={s.segments} stageId="main" onStage={onStage} connection="online" send={vi.fn((_c: Command) => ok())} />,
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Sân khấu' }), { target: { value: 'hall' } });
    expect(onStage).toHaveBeenCalledWith('hall');
  });

  it('switches to English and remembers it', async () => {
    mount(s.view(start(at('17:06')), at('17:07')), at('17:07'));
    await click(screen.getByRole('button', { name: 'English' }));
    expect(primary().textContent).toBe('Next');
    expect(screen.getByTestId('mc-ahead').textContent).toBe('6 min behind');
    expect(localStorage.getItem('ros.lang')).toBe('en');
  });
});
