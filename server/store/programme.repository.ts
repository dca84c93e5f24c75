import { Programme } from '../../shared/model/programme.schema.ts';
import type { Db } from './db.ts';

export type StoredProgramme = { revision: number; programme: Programme };

export function programmeRepository(db: Db) {
  const get = db.prepare<[], { revision: number; json: string }>('SELECT revision, json FROM programme WHERE id = 1');
  const upsert = db.prepare(
    `INSERT INTO programme (id, revision, json, updated_at) VALUES (1, @revision, @json, @now)
     ON CONFLICT (id) DO UPDATE SET revision = @revision, json = @json, updated_at = @now`,
  );
  return {
    load(): StoredProgramme | null {
      const row = get.get();
      if (!row) return null;
      return { revision: row.revision, programme: Programme.parse(JSON.parse(row.json)) };
    },
    save(programme: Programme, revision: number, now: number): void {
      upsert.run({ revision, json: JSON.stringify(programme), now });
    },
  };
}
export type ProgrammeRepository = ReturnType<typeof programmeRepository>;
