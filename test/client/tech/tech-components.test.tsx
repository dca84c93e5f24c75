import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ScreenInfo } from '../../../shared/model/screen.schema.ts';
import { AssignPanel } from '../../../client/views/tech/AssignPanel.tsx';
import { ScreenCard } from '../../../client/views/tech/ScreenCard.tsx';
import { initialShowState, showStore } from '../../../client/store/show.store.ts';
import { makeProgramme } from '../../support/factories.ts';

afterEach(() => {
  showStore.setState(initialShowState());
  vi.restoreAllMocks();
});

const programme = makeProgramme([
  ['15:00', 60, { title: 'Rung chuông vàng' }],
  ['17:00', 15, { title: 'Khai mạc', kind: 'opening' }],
]);

const screenInfo = (over: Partial<ScreenInfo> = {}): ScreenInfo => ({
  id: 'K7P3QX',
  name: '',
  width: 1920,
  height: 480,
  layout: { type: 'now-next' },
  connected: true,
  lastSeenAt: Date.UTC(2025, 6, 11, 10, 5),
  ...over,
});

describe('AssignPanel', () => {
  it('sends a countdown to the opening by default, with the label typed', () => {
    const onApply = vi.fn();
    render(<AssignPanel programme={programme} selectedCount={2} onApply={onApply} />);
    fireEvent.click(screen.getByLabelText('Đếm ngược'));
    expect((screen.getByLabelText('Đếm ngược tới tiết mục') as HTMLSelectElement).value).toBe('s2');
    fireEvent.change(screen.getByLabelText('Dòng chữ (để trống: tên tiết mục)'), { target: { value: 'Lễ khai mạc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Áp dụng cho màn hình đã chọn (2)' }));
    expect(onApply).toHaveBeenCalledWith({ type: 'countdown', segmentId: 's2', label: 'Lễ khai mạc' }, 'selected');
  });

  it('needs a message text before it can send a message, and can send it to all', () => {
    const onApply = vi.fn();
    render(<AssignPanel programme={programme} selectedCount={0} onApply={onApply} />);
    fireEvent.click(screen.getByLabelText('Thông điệp'));
    const all = screen.getByRole('button', { name: 'Áp dụng cho tất cả' });
    expect((all as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Nội dung thông điệp'), { target: { value: 'Xin mời ổn định chỗ ngồi' } });
    expect((screen.getByRole('button', { name: /đã chọn \(0\)/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(all);
    expect(onApply).toHaveBeenCalledWith({ type: 'message', text: 'Xin mời ổn định chỗ ngồi' }, 'all');
  });
});

describe('ScreenCard', () => {
  const handlers = () => ({
    onSelect: vi.fn(),
    onIdentify: vi.fn(),
    onRename: vi.fn(async () => true),
    onForget: vi.fn(),
  });

  it('shows an unnamed screen by its code, its size, connection, layout and a preview', () => {
    showStore.setState({ programme: { revision: 1, programme, plan: { timeZone: 'Asia/Ho_Chi_Minh', lines: {}, dayOrder: [] }, warnings: [] } });
    render(<ScreenCard screen={screenInfo({ layout: { type: 'countdown', segmentId: 's2' } })} selected={false} programme={programme} timeZone="Asia/Ho_Chi_Minh" now={0} {...handlers()} />);
    expect(screen.getByText('Chưa đặt tên')).toBeTruthy();
    expect(screen.getByText('Mã K7P3QX')).toBeTruthy();
    expect(screen.getByText('1920×480')).toBeTruthy();
    expect(screen.getByTestId('screen-status').textContent).toBe('Đang kết nối');
    expect(screen.getByTestId('screen-layout').textContent).toBe('Đếm ngược · Khai mạc');
    const preview = screen.getByRole('img', { name: 'Xem trước Chưa đặt tên' });
    // 1920×480 scaled into a 260 px box keeps the wall's proportions.
    expect(preview.style.width).toBe('260px');
    expect(preview.style.height).toBe('65px');
    expect(preview.querySelector('[data-layout=countdown]')).not.toBeNull();
  });

  it('shows when a disconnected screen was last seen, in the event time zone', () => {
    render(<ScreenCard screen={screenInfo({ name: 'Cổng vào', connected: false })} selected programme={programme} timeZone="Asia/Ho_Chi_Minh" now={0} {...handlers()} />);
    expect(screen.getByTestId('screen-status').textContent).toBe('Thấy lần cuối 17:05');
  });

  it('identifies, renames and forgets (after confirming)', async () => {
    const h = handlers();
    render(<ScreenCard screen={screenInfo({ name: 'LED 1' })} selected={false} programme={programme} timeZone="Asia/Ho_Chi_Minh" now={0} {...h} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Chọn LED 1' }));
    expect(h.onSelect).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Nhận diện' }));
    expect(h.onIdentify).toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Đổi tên' }));
    fireEvent.change(screen.getByLabelText('Tên mới cho LED 1'), { target: { value: 'Sân khấu trái' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(h.onRename).toHaveBeenCalledWith('Sân khấu trái');
    await waitFor(() => expect(screen.queryByLabelText('Tên mới cho LED 1')).toBeNull());

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    fireEvent.click(screen.getByRole('button', { name: 'Xoá' }));
    expect(h.onForget).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Xoá' }));
    expect(h.onForget).toHaveBeenCalledTimes(1);
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});
