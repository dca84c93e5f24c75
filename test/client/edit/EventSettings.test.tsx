import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EventSettings } from '../../../client/views/edit/EventSettings.tsx';
import { translate, type MessageKey, type Params } from '../../../shared/i18n/index.ts';
import type { Programme } from '../../../shared/model/programme.schema.ts';
import { makeProgramme } from '../../support/factories.ts';

const t = (k: MessageKey, p?: Params) => translate('vi', k, p);

describe('event settings', () => {
  it('refuses a duplicate day date with a message, saves a valid change, and keeps days with segments', () => {
    const p = makeProgramme([['17:00', 15]]);
    const commit = vi.fn((_next: Programme) => Promise.resolve());
    render(<EventSettings t={t} programme={p} commit={commit} />);
    const dates = screen.getAllByLabelText('Ngày (YYYY-MM-DD)');
    fireEvent.change(dates[1]!, { target: { value: '2025-07-11' } });
    expect(screen.getByRole('alert').textContent).toBe('Ngày 2025-07-11 bị trùng');
    const save = screen.getByRole('button', { name: 'Lưu thông tin sự kiện' });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(dates[1]!, { target: { value: '2025-07-13' } });
    fireEvent.change(screen.getByLabelText('Chủ đề'), { target: { value: 'Chuyển đổi số toàn dân' } });
    fireEvent.click(save);
    const next = commit.mock.calls[0]?.[0] as Programme;
    expect(next.event.days.map((d) => d.date)).toEqual(['2025-07-11', '2025-07-13']);
    expect(next.event.theme).toBe('Chuyển đổi số toàn dân');
    // Day 1 holds a segment: it cannot be removed; the empty day 2 can.
    const remove = screen.getAllByRole('button', { name: 'Bỏ' });
    expect(remove[0]).toHaveProperty('disabled', true);
    expect(remove[0]?.getAttribute('title')).toBe('Ngày này còn 1 tiết mục; hãy xoá hoặc chuyển chúng trước');
    expect(remove[1]).toHaveProperty('disabled', false);
  });
});
