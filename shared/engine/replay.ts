import type { LogEntry } from '../model/action.schema.ts';
import type { Plan } from './plan.ts';
import { ActionRefused, applyCommand, emptyRun, type Refusal, type StageRun } from './run.ts';

/**
 * Folds a stage's log from the start. The server keeps the folded run of each row too; tests check
 * both agree. Against a programme edited since, some entries may no longer apply: without
 * `onRefused` that throws; with it they are skipped and reported.
 */
export function replay(
  plan: Plan,
  stageId: string,
  log: readonly LogEntry[],
  onRefused?: (entry: LogEntry, code: Refusal) => void,
): StageRun {
  let run = emptyRun();
  for (const e of log) {
    try {
      run = applyCommand(plan, stageId, run, e.command, e.at);
    } catch (err) {
      if (!(err instanceof ActionRefused) || !onRefused) throw err;
      onRefused(e, err.code);
    }
  }
  return run;
}
