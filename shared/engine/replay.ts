import type { LogEntry } from '../model/action.schema.ts';
import type { Plan } from './plan.ts';
import { applyCommand, emptyRun, type StageRun } from './run.ts';

/** Folds a stage's log from the start. The server keeps the folded run of each row too; tests check both agree. */
export function replay(plan: Plan, stageId: string, log: readonly LogEntry[]): StageRun {
  return log.reduce((run, e) => applyCommand(plan, stageId, run, e.command, e.at), emptyRun());
}
