import { resolvePlan } from '../../../shared/engine/plan.ts';
import { applyCommand, emptyRun } from '../../../shared/engine/run.ts';
import { deriveStageView, type StageView } from '../../../shared/engine/view.ts';
import type { Command } from '../../../shared/model/action.schema.ts';
import type { Programme, SegmentInput } from '../../../shared/model/programme.schema.ts';
import type { ProgrammePayload } from '../../../shared/protocol.ts';
import { makeProgramme } from '../../support/factories.ts';

export type Log = [Command, number][];

/** A programme, and stage views derived by the real engine from a list of timed commands. */
export function scenario(rows: [string | null, number, Partial<SegmentInput>?][]) {
  const programme: Programme = makeProgramme(rows);
  const plan = resolvePlan(programme);
  const segments = new Map(programme.segments.map((s) => [s.id, s]));
  const payload: ProgrammePayload = { revision: 1, programme, plan, warnings: [] };
  const view = (log: Log, now: number): StageView => {
    const run = log.reduce((r, [c, at]) => applyCommand(plan, 'main', r, c, at), emptyRun());
    return deriveStageView(plan, 'main', run, now);
  };
  return { programme, plan, segments, payload, view };
}
