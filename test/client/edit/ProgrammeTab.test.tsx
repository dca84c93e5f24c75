import { act, fireEvent, render, renderHook, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgrammeTab } from '../../../client/views/edit/ProgrammeTab.tsx';
import { useEditor } from '../../../client/views/edit/useEditor.ts';
import { lineSegments, removeSegment } from '../../../client/views/edit/editing.ts';
import { setLang } from '../../../client/i18n/lang.ts';
import { translate, type MessageKey, type Params } from '../../../shared/i18n/index.ts';
import { resolvePlan } from '../../../shared/engine/plan.ts';
import { programmeWarnings } from '../../../shared/model/warnings.ts';
import type { Programme } from '../../../shared/model/programme.schema.ts';
import type { ProgrammePayload } from '../../../shared/protocol.ts';
import { initialShowState, receiveProgramme, showStore } from '../../../client/store/show.store.ts';
import { makeProgramme } from '../../support/factories.ts';

const programme = makeProgramme([
  ['17:00', 15, { title: 'Ca nhạc' }],
  [null, 5, { title: 'Tuyên bố lý do' }],
  [null, 10, { title: 'Phát biểu khai mạc' }],
]);
const vi_t = (k: MessageKey, p?: Params) => translate('vi', k, p);
const en_t = (k: MessageKey, p?: Params) => translate('en', k, p);

function mount(p: Programme = programme, t = vi_t, runningId: string | null = null) {
  const commit = vi.fn((_next: Programme, _opts?: unknown) => Promise.resolve());
  render(<ProgrammeTab t={t} programme={p} plan={resolvePlan(p)} dayId="d1" stageId="main" runningId={runningId} commit={commit} />);
  return commit;
}
const row = (title: string) => screen.getByRole('listitem', { name: new RegExp(`\\d+\\. ${title}$`) });
const titlesOf = (p: Programme) => lineSegments(p, 'd1', 'main').map((s) => s.title);

afterEach(() => {
  setLang('vi');
  vi.unstubAllGlobals();
  showStore.setState(initialShowState());
});

describe('programme editor rows', () => {
  it('refuses an empty title and a zero duration with a message in Vietnamese, and sends nothing', async () => {
    const commit = mount();
    const title = within(row('Tuyên bố lý do')).getByLabelText('Nội dung');
    fireEvent.change(title, { target: { value: '  ' } });
    fireEvent.blur(title);
    expect(within(row('Tuyên bố lý do')).getByRole('alert').textContent).toBe('Nội dung không được để trống');
    const duration = within(row('Tuyên bố lý do')).getByLabelText('Thời lượng (phút)');
    fireEvent.change(duration, { target: { value: '0' } });
    fireEvent.keyDown(duration, { key: 'Enter' });
    expect(within(row('Tuyên bố lý do')).getAllByRole('alert').map((a) => a.textContent)).toContain('Thời lượng phải lớn hơn 0 phút');
    const start = within(row('Tuyên bố lý do')).getByLabelText('Bắt đầu');
    fireEvent.change(start, { target: { value: '25:70' } });
    fireEvent.blur(start);
    expect(within(row('Tuyên bố lý do')).getAllByRole('alert').map((a) => a.textContent)).toContain('Giờ phải có dạng HH:mm, ví dụ 08:30');
    expect(commit).not.toHaveBeenCalled();
  });

  it('the same messages in English', () => {
    mount(programme, en_t);
    const title = within(row('Ca nhạc')).getByLabelText('Title');
    fireEvent.change(title, { target: { value: '' } });
    fireEvent.blur(title);
    expect(within(row('Ca nhạc')).getByRole('alert').textContent).toBe('The title cannot be empty');
  });

  it('saves a valid edit: "8h30" becomes a fixed 08:30 start', () => {
    const commit = mount();
    const start = within(row('Tuyên bố lý do')).getByLabelText('Bắt đầu');
    fireEvent.change(start, { target: { value: '17h20' } });
    fireEvent.keyDown(start, { key: 'Enter' });
    const next = commit.mock.calls[0]?.[0] as Programme;
    expect(next.segments[1]).toMatchObject({ plannedStart: '17:20', fixedStart: true });
  });

  it('reorders with Alt+↓ on the drag handle and with the buttons', () => {
    const commit = mount();
    fireEvent.keyDown(within(row('Ca nhạc')).getByRole('button', { name: /Kéo để sắp xếp/ }), { key: 'ArrowDown', altKey: true });
    expect(titlesOf(commit.mock.calls[0]?.[0] as Programme)).toEqual(['Tuyên bố lý do', 'Ca nhạc', 'Phát biểu khai mạc']);
    expect(commit.mock.calls[0]?.[1]).toMatchObject({ toast: { key: 'edit.moved', params: { title: 'Ca nhạc', pos: 2 }, undo: true } });
    fireEvent.click(within(row('Phát biểu khai mạc')).getByRole('button', { name: 'Chuyển lên: Phát biểu khai mạc' }));
    expect(titlesOf(commit.mock.calls[1]?.[0] as Programme)).toEqual(['Ca nhạc', 'Phát biểu khai mạc', 'Tuyên bố lý do']);
    expect(within(row('Ca nhạc')).getByRole('button', { name: 'Chuyển lên: Ca nhạc' })).toHaveProperty('disabled', true);
  });

  it('reorders by drag and drop onto another row', () => {
    const commit = mount();
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k) ?? '', effectAllowed: '' };
    fireEvent.dragStart(within(row('Phát biểu khai mạc')).getByRole('button', { name: /Kéo để sắp xếp/ }), { dataTransfer });
    fireEvent.drop(row('Ca nhạc'), { dataTransfer });
    expect(titlesOf(commit.mock.calls[0]?.[0] as Programme)).toEqual(['Phát biểu khai mạc', 'Ca nhạc', 'Tuyên bố lý do']);
  });

  it('deletes with an undo offer; lists contradictions where the organiser can go to them', () => {
    const clash = makeProgramme([
      ['17:00', 30, { title: 'Ca nhạc' }],
      ['17:20', 10, { title: 'Phát biểu' }],
    ]);
    const commit = mount(clash);
    expect(screen.getByRole('heading', { name: 'Cần xem lại (1)' })).toBeTruthy();
    expect(screen.getAllByText(/Giờ cố định 17:20 không kịp: các tiết mục trước kết thúc lúc 17:30/)).toHaveLength(2);
    fireEvent.click(within(row('Phát biểu')).getByRole('button', { name: 'Xoá: Phát biểu' }));
    expect(titlesOf(commit.mock.calls[0]?.[0] as Programme)).toEqual(['Ca nhạc']);
    expect(commit.mock.calls[0]?.[1]).toEqual({ toast: { key: 'edit.deleted', params: { title: 'Phát biểu' }, undo: true } });
  });
});

describe('useEditor', () => {
  const payload = (p: Programme, revision: number): ProgrammePayload => ({ revision, programme: p, plan: resolvePlan(p), warnings: programmeWarnings(p) });

  it('saves each change with the revision it saw, and undo puts the deleted segment back', async () => {
    let revision = 1;
    const sent: { programme: Programme; expectedRevision: number }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(init.body as string) as { programme: Programme; expectedRevision: number };
        sent.push(body);
        revision += 1;
        return new Response(JSON.stringify(payload(body.programme, revision)), { status: 200 });
      }),
    );
    receiveProgramme(payload(programme, 1));
    const { result } = renderHook(() => useEditor('token'));
    expect(result.current.draft).toEqual(programme);
    await act(() => result.current.commit(removeSegment(programme, 's2'), { toast: { key: 'edit.deleted', params: { title: 'Tuyên bố lý do' }, undo: true } }));
    expect(sent[0]?.expectedRevision).toBe(1);
    expect(titlesOf(result.current.draft!)).toEqual(['Ca nhạc', 'Phát biểu khai mạc']);
    expect(result.current.toast?.undo).toBe(true);
    await act(async () => {
      result.current.undo();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(sent[1]?.expectedRevision).toBe(2);
    expect(titlesOf(sent[1]!.programme)).toEqual(['Ca nhạc', 'Tuyên bố lý do', 'Phát biểu khai mạc']);
    expect(titlesOf(result.current.draft!)).toEqual(['Ca nhạc', 'Tuyên bố lý do', 'Phát biểu khai mạc']);
  });

  it('can undo an import as soon as it is remembered', () => {
    receiveProgramme(payload(programme, 1));
    const { result } = renderHook(() => useEditor('token'));
    expect(result.current.canUndo).toBe(false);
    act(() => result.current.remember(programme));
    expect(result.current.canUndo).toBe(true);
  });

  it('a refused save puts the programme back and says why (removing the running segment)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: { code: 'segment_running', message: 'running' } }), { status: 409 })),
    );
    receiveProgramme(payload(programme, 1));
    const { result } = renderHook(() => useEditor('token'));
    await act(() => result.current.commit(removeSegment(programme, 's1')));
    expect(result.current.draft).toEqual(programme);
    expect(result.current.status).toMatchObject({ kind: 'error', key: 'error.segment_running' });
  });
});

describe('typing while another row is saved', () => {
  it('keeps what is being typed in one row when a save of another row brings a new programme', () => {
    const commit = vi.fn(() => Promise.resolve());
    const { rerender } = render(
      <ProgrammeTab t={vi_t} programme={programme} plan={resolvePlan(programme)} dayId="d1" stageId="main" runningId={null} commit={commit} />,
    );
    const title = within(row('Phát biểu khai mạc')).getByLabelText('Nội dung');
    fireEvent.change(title, { target: { value: 'Phát biểu khai mạc của Chủ tịch' } });
    // The server answers a save of row 1: every segment object is new, row 3 itself is unchanged.
    const saved = JSON.parse(JSON.stringify({ ...programme, segments: programme.segments.map((s, i) => (i === 0 ? { ...s, title: 'Ca nhạc chào mừng' } : s)) })) as Programme;
    rerender(<ProgrammeTab t={vi_t} programme={saved} plan={resolvePlan(saved)} dayId="d1" stageId="main" runningId={null} commit={commit} />);
    expect((within(row('Phát biểu khai mạc')).getByLabelText('Nội dung') as HTMLTextAreaElement).value).toBe('Phát biểu khai mạc của Chủ tịch');
    expect((within(row('Ca nhạc chào mừng')).getByLabelText('Nội dung') as HTMLTextAreaElement).value).toBe('Ca nhạc chào mừng');
  });
});
