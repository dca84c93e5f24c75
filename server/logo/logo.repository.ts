import { createHash } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { LogoType } from './logo-file.ts';

export type StoredLogo = { type: LogoType; data: Buffer; hash: string };

/** The event's logo, kept in the store itself so a backup or a moved data folder carries it. */
export function logoRepository(db: Db) {
  const get = db.prepare<[], { type: string; data: Buffer; hash: string }>("SELECT type, data, hash FROM assets WHERE name = 'logo'");
  const put = db.prepare(
    `INSERT INTO assets (name, type, data, hash, updated_at) VALUES ('logo', ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET type = excluded.type, data = excluded.data, hash = excluded.hash, updated_at = excluded.updated_at`,
  );
  const del = db.prepare("DELETE FROM assets WHERE name = 'logo'");
  return {
    load(): StoredLogo | null {
      const r = get.get();
      return r ? { type: r.type as LogoType, data: r.data, hash: r.hash } : null;
    },
    save(type: LogoType, data: Buffer, at: number): string {
      const hash = createHash('sha256').update(data).digest('hex').slice(0, 16);
      put.run(type, data, hash, at);
      return hash;
    },
    remove(): void {
      del.run();
    },
  };
}
export type LogoRepository = ReturnType<typeof logoRepository>;
