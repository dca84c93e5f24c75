import { Command, type LogEntry } from '../../shared/model/action.schema.ts';
import type { StageRun } from '../../shared/engine/run.ts';
import type { Db } from './db.ts';

type Row = { stage_id: string; version: number; at: number; command: string; actor: string; run_after: string };

/** The append-only control log. Each row also keeps the run it produced, written in the same statement. */
export function actionsRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO actions (stage_id, version, at, command, actor, run_after) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const latest = db.prepare<[], Row>(
    `SELECT a.* FROM actions a JOIN (SELECT stage_id, MAX(version) v FROM actions GROUP BY stage_id) m
     ON a.stage_id = m.stage_id AND a.version = m.v`,
  );
  const all = db.prepare<[string], Row>('SELECT * FROM actions WHERE stage_id = ? ORDER BY version');
  const toEntry = (r: Row): LogEntry => ({
    stageId: r.stage_id,
    version: r.version,
    at: r.at,
    actor: r.actor,
    command: Command.parse(JSON.parse(r.command)),
  });
  return {
    append(entry: LogEntry, runAfter: StageRun): void {
      // UNIQUE (stage_id, version) makes a second writer with the same version fail rather than fork the log.
      insert.run(entry.stageId, entry.version, entry.at, JSON.stringify(entry.command), entry.actor, JSON.stringify(runAfter));
    },
    latestRuns(): Map<string, { version: number; run: StageRun }> {
      return new Map(latest.all().map((r) => [r.stage_id, { version: r.version, run: JSON.parse(r.run_after) as StageRun }]));
    },
    log(stageId: string): LogEntry[] {
      return all.all(stageId).map(toEntry);
    },
  };
}
export type ActionsRepository = ReturnType<typeof actionsRepository>;
