import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '../../../client/views/edit/ImportPanel.tsx';
import { translate, type MessageKey, type Params } from '../../../shared/i18n/index.ts';
import { makeProgramme } from '../../support/factories.ts';

const t = (k: MessageKey, p?: Params) => translate('vi', k, p);
const programme = makeProgramme([['17:00', 15]]);

afterEach(() => vi.unstubAllGlobals());

function mount() {
  const onImported = vi.fn();
  render(<ImportPanel t={t} token="tok" programme={programme} dayId="d1" stageId="main" revision={3} onImported={onImported} />);
  return onImported;
}

describe('import panel', () => {
  it('shows unreadable rows with their line number and text, and offers no import', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'bad_request',
              message: '1 row(s) could not be read',
              details: { errors: [{ code: 'unreadable_time', line: 4, text: 'sau giờ nghỉ\t15\tVăn nghệ', params: { value: 'sau giờ nghỉ' } }] },
            },
          }),
          { status: 400 },
        ),
    );
    vi.stubGlobal('fetch', fetchMock);
    mount();
    fireEvent.change(screen.getByLabelText('Dán bảng chương trình'), { target: { value: 'x\ty' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Không đọc được 1 dòng — chưa lưu gì');
    expect(alert.textContent).toContain('Dòng 4: Không đọc được giờ “sau giờ nghỉ”');
    expect(alert.textContent).toContain('sau giờ nghỉ\t15\tVăn nghệ');
    expect(screen.queryByRole('button', { name: /^Nhập \d/ })).toBeNull();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/programme/import?dryRun=1');
    expect(JSON.parse(init.body as string)).toEqual({ mode: 'replace-day', dayId: 'd1', stageId: 'main', text: 'x\ty' });
  });

  it('previews, then imports only on confirmation with the revision the preview saw', async () => {
    const preview = {
      dryRun: true,
      revision: 3,
      days: [{ id: 'd1', date: '2025-07-11', label: '', isNew: false, segmentCount: 1 }],
      segments: [{ ...programme.segments[0], id: 'n1', title: 'Rung chuông vàng', plannedStart: '15:00', plannedEnd: '16:10', durationMin: 60, line: 2 }],
      warnings: [{ code: 'range_duration_mismatch', severity: 'warning', segmentId: 'n1', dayId: 'd1', stageId: 'main', params: { start: '15:00', end: '16:10', rangeMin: 70, durationMin: 60 } }],
      notes: [],
    };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(preview)));
    vi.stubGlobal('fetch', fetchMock);
    const onImported = mount();
    fireEvent.change(screen.getByLabelText('Dán bảng chương trình'), { target: { value: 'table' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
    });
    expect(screen.getByText(/Khung giờ 15:00–16:10 là 70 phút nhưng thời lượng ghi 60 phút/)).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(onImported).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Nhập 1 tiết mục' }));
    });
    const [url, init] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/programme/import');
    expect(JSON.parse(init.body as string)).toMatchObject({ text: 'table', expectedRevision: 3 });
    expect(onImported).toHaveBeenCalledWith('d1', 1);
  });
});
