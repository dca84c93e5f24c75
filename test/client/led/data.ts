import { resolvePlan } from '../../../shared/engine/plan.ts';
import { applyCommand, emptyRun } from '../../../shared/engine/run.ts';
import { deriveStageView } from '../../../shared/engine/view.ts';
import type { Command } from '../../../shared/model/action.schema.ts';
import type { SegmentInput } from '../../../shared/model/programme.schema.ts';
import { PROTOCOL_VERSION, type Snapshot } from '../../../shared/protocol.ts';
import { initialShowState, showStore } from '../../../client/store/show.store.ts';
import { makeProgramme } from '../../support/factories.ts';

export const LONG_TITLE =
  'Lễ khai mạc Ngày hội Chuyển đổi số tỉnh Khánh Hòa năm 2025: Kết nối người dân, doanh nghiệp và chính quyền số — Vững bước tương lai, nâng cao chất lượng cuộc sống';

/** Puts a programme and the snapshot the server would send after `log` into the client store. */
export function loadShow(rows: [string | null, number, Partial<SegmentInput>?][], log: [Command, number][], now: number) {
  const programme = makeProgramme(rows, {
    event: {
      title: 'Ngày Hội công nghệ số tỉnh Khánh Hòa năm 2025',
      theme: 'Chuyển đổi số toàn dân, toàn diện',
      timeZone: 'Asia/Ho_Chi_Minh',
      logoUrl: 'https://example.com/logo.png',
      days: [{ id: 'd1', date: '2025-07-11' }],
      stages: [{ id: 'main', name: 'Sân khấu chính' }],
    },
  });
  const plan = resolvePlan(programme);
  const run = log.reduce((r, [c, at]) => applyCommand(plan, 'main', r, c, at), emptyRun());
  const view = deriveStageView(plan, 'main', run, now);
  const title = (id: string | null) => {
    const s = programme.segments.find((x) => x.id === id);
    return s ? { id: s.id, title: s.title } : null;
  };
  const snapshot: Snapshot = {
    ...view,
    run,
    protocol: PROTOCOL_VERSION,
    version: log.length,
    programmeRevision: 1,
    serverTime: now,
    current: title(view.currentId),
    next: title(view.nextId),
  };
  showStore.setState({ ...initialShowState(), runState: snapshot, programme: { revision: 1, programme, plan, warnings: [] }, connection: 'online' });
  return { programme, snapshot };
}
