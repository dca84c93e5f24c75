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
    render(<EventSettings t={t} token="" programme={p} commit={commit} />);
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

  it('a new stage gets a readable id from its name; renaming an id moves its segments and says so', () => {
    const p = makeProgramme([['17:00', 15]]);
    const commit = vi.fn((_next: Programme, _renames: Record<string, string>) => Promise.resolve());
    render(<EventSettings t={t} token="" programme={p} commit={commit} />);
    fireEvent.click(screen.getByRole('button', { name: '+ Thêm sân khấu' }));
    const names = screen.getAllByLabelText('Tên sân khấu');
    const ids = screen.getAllByLabelText('Mã (trong đường dẫn)');
    expect((ids[1] as HTMLInputElement).value).toBe('san-khau-2');
    // The new stage's id follows its name until typed by hand.
    fireEvent.change(names[1]!, { target: { value: 'Khu triển lãm' } });
    expect((ids[1] as HTMLInputElement).value).toBe('khu-trien-lam');
    fireEvent.change(screen.getAllByLabelText('Địa điểm của sân khấu')[1]!, { target: { value: 'Trung tâm Hội nghị tỉnh' } });
    // A duplicate id is refused before saving.
    fireEvent.change(ids[1]!, { target: { value: 'main' } });
    expect(screen.getByRole('alert').textContent).toBe('Mã này đã dùng cho sân khấu khác');
    fireEvent.change(ids[1]!, { target: { value: 'khu-trien-lam' } });
    fireEvent.change(ids[0]!, { target: { value: 'san-khau-chinh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thông tin sự kiện' }));
    const [next, renames] = commit.mock.calls[0]!;
    expect(next.event.stages).toEqual([
      { id: 'san-khau-chinh', name: p.event.stages[0]!.name, venue: '' },
      { id: 'khu-trien-lam', name: 'Khu triển lãm', venue: 'Trung tâm Hội nghị tỉnh' },
    ]);
    expect(renames).toEqual({ main: 'san-khau-chinh' });
    expect(next.segments.map((s) => s.stageId)).toEqual(['san-khau-chinh']);
  });
});
