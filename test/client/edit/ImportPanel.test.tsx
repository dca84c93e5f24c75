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

describe('import panel: one clear message per problem', () => {
  const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
  const preview = async () => {
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
    });
  };

  it('a text with no programme rows: one message, not "1 row could not be read", with an example of what is expected', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        answer({ error: { code: 'bad_request', message: 'nothing was saved: no rows', details: { errors: [{ code: 'no_rows', line: 0, text: '', params: { lines: 14 } }], notes: [] } } }, 400),
      ),
    );
    mount();
    fireEvent.change(screen.getByLabelText('Dán bảng chương trình'), { target: { value: '- Đón tiếp đại biểu\n- Phát biểu khai mạc' } });
    await preview();
    const alert = screen.getByRole('alert').textContent ?? '';
    expect(alert).not.toContain('Không đọc được 1 dòng');
    expect(alert).toContain('Không tìm thấy tiết mục nào trong 14 dòng đã đọc: không dòng nào có giờ hay thời lượng.');
    expect(alert).toContain('«14:00 – 14:15 Đón tiếp đại biểu | Ban tổ chức»');
  });

  it('an unreadable row says what was expected, and the lines skipped beside it are named, not dropped in silence', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        answer(
          {
            error: {
              code: 'bad_request',
              message: '1 row(s) could not be read',
              details: {
                errors: [{ code: 'unreadable_time', line: 3, text: '14:6O\t10\tVăn nghệ', params: { value: '14:6O' } }],
                notes: [{ code: 'ignored_line', line: 5, text: 'c) Địa điểm', params: {} }],
              },
            },
          },
          400,
        ),
      ),
    );
    mount();
    fireEvent.change(screen.getByLabelText('Dán bảng chương trình'), { target: { value: 'x\ty' } });
    await preview();
    const alert = screen.getByRole('alert').textContent ?? '';
    expect(alert).toContain('Dòng 3: Không đọc được giờ “14:6O”');
    expect(alert).toContain('Cần một giờ như 14:00, 14h00, 14 giờ 00, hoặc một khoảng 14:00 – 14:15.');
    expect(alert).toContain('Ngoài ra, 1 dòng không phải tiết mục đã bị bỏ qua: dòng 5.');
    // A misspelt time is not an order: no reading is offered for it.
    expect(screen.queryByRole('button', { name: /Đọc dòng 3/ })).toBeNull();
  });

  it('"sau phần phát biểu" is offered as "follows the row before", applied only when the organiser chooses it, and can be undone', async () => {
    const refused = {
      error: {
        code: 'bad_request',
        message: '1 row(s) could not be read',
        details: { errors: [{ code: 'unreadable_time', line: 4, text: 'sau phần phát biểu\t30\tTham quan', params: { value: 'sau phần phát biểu' } }], notes: [] },
      },
    };
    const ok = {
      dryRun: true,
      revision: 3,
      days: [{ id: 'd1', date: '2025-07-11', label: '', isNew: false, segmentCount: 1 }],
      segments: [{ ...programme.segments[0], id: 'n1', title: 'Tham quan', plannedStart: null, plannedEnd: null, fixedStart: false, durationMin: 30, line: 4 }],
      warnings: [],
      notes: [{ code: 'follows_previous', line: 4, text: 'sau phần phát biểu\t30\tTham quan', params: { value: 'sau phần phát biểu' } }],
    };
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string) as { followLines?: number[] };
      return body.followLines?.includes(4) ? answer(ok) : answer(refused, 400);
    });
    vi.stubGlobal('fetch', fetchMock);
    mount();
    fireEvent.change(screen.getByLabelText('Dán bảng chương trình'), { target: { value: 'table' } });
    await preview();
    // Refused first: nothing is read that way until the organiser says so.
    expect(screen.queryByRole('button', { name: /^Nhập \d/ })).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Đây là một thứ tự, không phải giờ in sẵn.');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Đọc dòng 4 là: không có giờ in sẵn, bắt đầu ngay sau dòng trước' }));
    });
    expect(JSON.parse((fetchMock.mock.calls[1] as unknown as [string, RequestInit])[1].body as string)).toMatchObject({ followLines: [4] });
    expect(screen.getByText(/Giờ “sau phần phát biểu” đọc là: không có giờ in sẵn, bắt đầu ngay sau dòng trước \(bạn đã chọn\)/)).toBeTruthy();
    // The import sends the same choice.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Nhập 1 tiết mục' }));
    });
    expect(JSON.parse((fetchMock.mock.calls[2] as unknown as [string, RequestInit])[1].body as string)).toMatchObject({ followLines: [4], expectedRevision: 3 });
  });

  it('undoing the reading previews again without it', async () => {
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string) as { followLines?: number[] };
      return body.followLines
        ? answer({ dryRun: true, revision: 3, days: [], segments: [], warnings: [], notes: [{ code: 'follows_previous', line: 4, text: '', params: { value: 'tiếp theo' } }] })
        : answer({ error: { code: 'bad_request', message: 'x', details: { errors: [{ code: 'unreadable_time', line: 4, text: '', params: { value: 'tiếp theo' } }] } } }, 400);
    });
    vi.stubGlobal('fetch', fetchMock);
    mount();
    fireEvent.change(screen.getByLabelText('Dán bảng chương trình'), { target: { value: 'table' } });
    await preview();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /Đọc dòng 4/ }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Bỏ cách đọc này' }));
    });
    expect(JSON.parse((fetchMock.mock.calls[2] as unknown as [string, RequestInit])[1].body as string).followLines).toBeUndefined();
    expect(screen.getByRole('button', { name: /Đọc dòng 4/ })).toBeTruthy();
  });
});
