import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgrammeTab } from '../../../client/views/edit/ProgrammeTab.tsx';
import { SaveStatus } from '../../../client/views/edit/SaveStatus.tsx';
import { useEditor } from '../../../client/views/edit/useEditor.ts';
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
]);
const t = (k: MessageKey, p?: Params) => translate('vi', k, p);
const payload = (p: Programme, revision: number): ProgrammePayload => ({ revision, programme: p, plan: resolvePlan(p), warnings: programmeWarnings(p) });

/** The editor's status line over its rows, wired as EditView wires them. */
function Editor() {
  const ed = useEditor('token');
  if (!ed.draft) return null;
  return (
    <>
      <SaveStatus t={t} status={ed.status} held={ed.held} toast={ed.toast} undo={ed.undo} />
      <ProgrammeTab t={t} programme={ed.draft} plan={resolvePlan(ed.draft)} dayId="d1" stageId="main" runningId={null} commit={ed.commit} hold={ed.hold} />
    </>
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  showStore.setState(initialShowState());
});

describe('the editor\'s save state', () => {
  it('an unreadable time is not saved, and the status line says so instead of "saved"', async () => {
    let revision = 1;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(init.body as string) as { programme: Programme };
        revision += 1;
        return new Response(JSON.stringify(payload(body.programme, revision)), { status: 200 });
      }),
    );
    receiveProgramme(payload(programme, 1));
    render(<Editor />);
    const row = (name: string) => screen.getByRole('listitem', { name: new RegExp(`\\d+\\. ${name}$`) });
    const status = () => screen.getByRole('status').textContent ?? '';

    // A good edit is saved and says so.
    const title = within(row('Ca nhạc')).getByLabelText('Nội dung');
    fireEvent.change(title, { target: { value: 'Ca nhạc chào mừng' } });
    await act(async () => {
      fireEvent.blur(title);
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(status()).toContain('Đã lưu');

    // Then a time nobody can read: nothing is sent, and "saved" would be a lie.
    const start = within(row('Tuyên bố lý do')).getByLabelText('Bắt đầu');
    fireEvent.change(start, { target: { value: '25:99' } });
    fireEvent.blur(start);
    expect(status()).not.toContain('Đã lưu');
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toContain('Chưa lưu «Tuyên bố lý do»: Giờ phải có dạng HH:mm, ví dụ 08:30. Sửa lại, hoặc bấm Esc để giữ giá trị đã lưu.');
    expect(revision).toBe(2);

    // Escape puts the saved value back: everything on screen is saved again.
    fireEvent.keyDown(start, { key: 'Escape' });
    expect(status()).toContain('Đã lưu');
    expect(screen.queryByText(/Chưa lưu/)).toBeNull();
  });
});
