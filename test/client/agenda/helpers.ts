import { agendaDataFrom, type AgendaData } from '../../../shared/agenda/data.ts';
import { resolvePlan } from '../../../shared/engine/plan.ts';
import { applyCommand, emptyRun, type StageRun } from '../../../shared/engine/run.ts';
import { deriveStageView } from '../../../shared/engine/view.ts';
import type { Command } from '../../../shared/model/action.schema.ts';
import { Programme } from '../../../shared/model/programme.schema.ts';
import { PROTOCOL_VERSION, type ProgrammePayload, type Snapshot } from '../../../shared/protocol.ts';
import { DAY, makeProgramme } from '../../support/factories.ts';

type Row = Parameters<typeof makeProgramme>[0][number];

/** Day 1 (2025-07-11) on the main stage: 17:00 fixed, then two rows that follow, and 17:30 fixed. Day 2 has one row. */
export function twoDayProgramme(stages: { id: string; name: string }[] = [{ id: 'main', name: 'Sân khấu chính' }]): Programme {
  const second = stages[1];
  return makeProgramme(
    [
      ['17:00', 15, { id: 'welcome', title: 'Ca nhạc chào mừng', section: 'KHAI MẠC' }],
      [null, 5, { id: 'guests', title: 'Giới thiệu đại biểu', section: 'KHAI MẠC', performer: 'MC' }],
      [null, 10, { id: 'speech', title: 'Phát biểu khai mạc', section: 'KHAI MẠC' }],
      ['17:30', 10, { id: 'ribbon', title: 'Cắt băng', section: 'KHAI MẠC' }],
      ['08:00', 120, { id: 'workshop', dayId: 'd2', title: 'Hội thảo chuyển đổi số' }],
      ...(second ? [['17:00', 60, { id: 'expo', stageId: second.id, title: 'Triển lãm sản phẩm' }] as Row] : []),
    ],
    {
      event: Programme.shape.event.parse({
        title: 'Ngày hội <thử>',
        theme: 'Chuyển đổi số',
        timeZone: 'Asia/Ho_Chi_Minh',
        days: [
          { id: 'd1', date: DAY, label: 'Ngày thứ 1' },
          { id: 'd2', date: '2025-07-12', label: 'Ngày thứ 2' },
        ],
        stages,
      }),
    },
  );
}

export function payloadOf(p: Programme, revision = 1): ProgrammePayload {
  return { revision, programme: p, plan: resolvePlan(p), warnings: [] };
}

/** The snapshot the server would send after `commands`, each applied at its own instant. */
export function snapshotAfter(p: Programme, commands: [Command, number][], at: number, stageId = 'main'): Snapshot {
  const plan = resolvePlan(p);
  let run: StageRun = emptyRun();
  for (const [c, when] of commands) run = applyCommand(plan, stageId, run, c, when);
  const view = deriveStageView(plan, stageId, run, at);
  const title = (id: string | null) => (id ? { id, title: p.segments.find((s) => s.id === id)?.title ?? '' } : null);
  return {
    ...view,
    run,
    protocol: PROTOCOL_VERSION,
    version: commands.length,
    programmeRevision: 1,
    serverTime: at,
    current: title(view.currentId),
    next: title(view.nextId),
  };
}

export function dataOf(p: Programme, snapshots: Snapshot[], asOf: number): AgendaData {
  return agendaDataFrom(payloadOf(p), snapshots, asOf);
}
