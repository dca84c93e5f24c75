import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StageView } from '../../../shared/engine/view.ts';
import type { Command } from '../../../shared/model/action.schema.ts';
import { StageScreen } from '../../../client/views/stage/StageScreen.tsx';
import { setLang } from '../../../client/i18n/lang.ts';
import type { ConnectionStatus } from '../../../client/store/show.store.ts';
import { at, TZ } from '../../support/factories.ts';
import { scenario } from './views.ts';

const s = scenario([
  ['16:10', 10, { title: 'Trao giải cho cuộc thi', kind: 'award', section: 'Buổi chiều' }],
  ['17:00', 15, { title: 'Ca nhạc, chào mừng Ngày Hội', kind: 'performance', section: 'KHAI MẠC NGÀY HỘI', warningSec: 60, dangerSec: 20 }],
  [null, 5, { title: 'Phát biểu khai mạc', kind: 'speech', section: 'KHAI MẠC NGÀY HỘI' }],
]);
type Log = [Command, number][];
const startAward: Log = [[{ type: 'start', dayId: 'd1' }, at('16:10')]];
const atOpening: Log = [...startAward, [{ type: 'end' }, at('16:20')], [{ type: 'next' }, at('17:00')]];

function show(view: StageView | null, now: number, connection: ConnectionStatus = 'online') {
  return render(<StageScreen view={view} now={now} segments={s.segments} timeZone={TZ} eventTitle="Ngày Hội công nghệ số" connection={connection} />);
}
const digits = () => screen.getByTestId('stage-digits');
const level = () => document.querySelector('main')?.getAttribute('data-level');

afterEach(() => setLang('vi'));

describe('<StageScreen>', () => {
  it('shows the title, a huge countdown, what comes next and the time of day in the event zone', () => {
    show(s.view(startAward, at('16:11')), at('16:11'));
    expect(screen.getByTestId('stage-title').textContent).toBe('Trao giải cho cuộc thi');
    expect(digits().textContent).toBe('09:00');
    expect(screen.getByTestId('stage-next').textContent).toBe('Tiếp theo: Ca nhạc, chào mừng Ngày Hội');
    expect(screen.getByTestId('stage-clock').textContent).toBe('16:11');
    expect(level()).toBe('normal');
  });

  it('turns warning at the default two minutes, then danger at the default 30 seconds', () => {
    const { rerender } = show(s.view(startAward, at('16:17', 59)), at('16:17', 59));
    expect(level()).toBe('normal');
    const frame = (now: number) =>
      rerender(<StageScreen view={s.view(startAward, now)} now={now} segments={s.segments} timeZone={TZ} eventTitle="" connection="online" />);
    frame(at('16:18'));
    expect(level()).toBe('warning');
    expect(digits().textContent).toBe('02:00');
    frame(at('16:19', 29));
    expect(level()).toBe('warning');
    frame(at('16:19', 30));
    expect(level()).toBe('danger');
    expect(digits().textContent).toBe('00:30');
  });

  it('uses the segment own thresholds (warning 60 s, danger 20 s)', () => {
    const view = (now: number) => s.view(atOpening, now);
    const { unmount } = show(view(at('17:13', 30)), at('17:13', 30));
    expect(level()).toBe('normal');
    unmount();
    show(view(at('17:14', 30)), at('17:14', 30));
    expect(level()).toBe('warning');
    expect(digits().textContent).toBe('00:30');
  });

  it('counts up in overtime with a "+" and says so', () => {
    show(s.view(startAward, at('16:21', 7)), at('16:21', 7));
    expect(level()).toBe('overtime');
    expect(digits().textContent).toBe('+01:07');
    expect(screen.getByTestId('stage-caption').textContent).toBe('Quá giờ');
  });

  it('shows the MC message over the timer, and flashes it in step with the server clock', () => {
    const log: Log = [...startAward, [{ type: 'message', text: 'Xin kết thúc' }, at('16:15')]];
    const { unmount } = show(s.view(log, at('16:15', 1)), at('16:15', 1));
    const msg = screen.getByTestId('stage-message');
    expect(msg.textContent).toBe('Xin kết thúc');
    expect(msg.className).not.toContain('flashing');
    unmount();

    const flashed: Log = [...log, [{ type: 'message-flash' }, at('16:16')]];
    const { rerender } = show(s.view(flashed, at('16:16')), at('16:16'));
    expect(screen.getByTestId('stage-message').className).toContain('stage-message-bright');
    const later = at('16:16') + 300;
    rerender(<StageScreen view={s.view(flashed, later)} now={later} segments={s.segments} timeZone={TZ} eventTitle="" connection="online" />);
    expect(screen.getByTestId('stage-message').className).toContain('stage-message-flashing');
    expect(screen.getByTestId('stage-message').className).not.toContain('bright');
    const over = at('16:16', 6);
    rerender(<StageScreen view={s.view(flashed, over)} now={over} segments={s.segments} timeZone={TZ} eventTitle="" connection="online" />);
    expect(screen.getByTestId('stage-message').className).not.toContain('flashing');

    const hidden: Log = [...flashed, [{ type: 'message-hide' }, at('16:17')]];
    rerender(<StageScreen view={s.view(hidden, at('16:17'))} now={at('16:17')} segments={s.segments} timeZone={TZ} eventTitle="" connection="online" />);
    expect(screen.queryByTestId('stage-message')).toBeNull();
  });

  it('during a gap counts down to the next segment, named by its ceremony section', () => {
    const gap: Log = [...startAward, [{ type: 'end' }, at('16:20')]];
    show(s.view(gap, at('16:47', 26)), at('16:47', 26));
    expect(screen.getByTestId('stage-caption').textContent).toBe('Khai mạc ngày hội sau');
    expect(digits().textContent).toBe('12:34');
    expect(level()).toBe('gap');
    expect(screen.getByTestId('stage-next').textContent).toContain('Ca nhạc, chào mừng Ngày Hội');
    expect(screen.getByTestId('stage-title').textContent).toBe('Ngày Hội công nghệ số');
  });

  it('says "starting shortly" once the planned time has come and nobody pressed Start yet', () => {
    show(s.view([], at('16:10', 30)), at('16:10', 30));
    expect(screen.getByTestId('stage-caption').textContent).toBe('Sắp bắt đầu');
    expect(screen.queryByTestId('stage-digits')).toBeNull();
  });

  it('shows a clear end state after the last segment of the day', () => {
    const ended: Log = [...atOpening, [{ type: 'next' }, at('17:15')], [{ type: 'next' }, at('17:20')]];
    const view = s.view(ended, at('17:21'));
    expect(view.phase).toBe('ended');
    show(view, at('17:21'));
    expect(screen.getByTestId('stage-ended').textContent).toContain('Chương trình hôm nay đã kết thúc');
    expect(screen.queryByTestId('stage-digits')).toBeNull();
    expect(screen.queryByTestId('stage-next')).toBeNull();
  });

  it('never hides a dropped connection, and reads in the language set', () => {
    show(s.view(startAward, at('16:11')), at('16:11'), 'offline');
    expect(screen.getByTestId('stage-conn').textContent).toBe('Mất kết nối');
    act(() => setLang('en'));
    expect(screen.getByTestId('stage-conn').textContent).toBe('Disconnected');
    expect(screen.getByTestId('stage-next').textContent).toBe('Next: Ca nhạc, chào mừng Ngày Hội');
  });

  it('has no controls: nothing to press on the speaker\'s screen', () => {
    show(s.view(startAward, at('16:11')), at('16:11'), 'offline');
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('gives the MC message a band of its own, apart from the digits and the next line', () => {
    const log: Log = [...startAward, [{ type: 'message', text: 'Xin mời diễn giả kết thúc phần trình bày trong vòng hai phút nữa' }, at('16:12')]];
    show(s.view(log, at('16:13')), at('16:13'));
    const main = screen.getByTestId('stage-digits').closest('main')!;
    const parts = [...main.children].map((el) => el.getAttribute('data-testid') ?? el.className.split(' ')[0]);
    expect(parts).toEqual(['stage-top', 'stage-center', 'stage-message', 'stage-bottom']);
    expect(screen.getByTestId('stage-message').querySelector('.fit-inner')?.textContent).toContain('Xin mời diễn giả');
  });
});
