import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

const MIGRATIONS: string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE programme (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     revision INTEGER NOT NULL,
     json TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE actions (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     stage_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     at INTEGER NOT NULL,
     command TEXT NOT NULL,
     actor TEXT NOT NULL,
     run_after TEXT NOT NULL,
     UNIQUE (stage_id, version)
   );
   CREATE TABLE credentials (role TEXT PRIMARY KEY, hash TEXT NOT NULL, updated_at INTEGER NOT NULL);
   CREATE TABLE tokens (
     token_hash TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('session', 'api')),
     name TEXT NOT NULL DEFAULT '',
     created_at INTEGER NOT NULL,
     expires_at INTEGER,
     revoked_at INTEGER
   );`,
  // LED screens: identity, last reported size and what each shows (issue 4).
  `CREATE TABLE screens (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL DEFAULT '',
     width INTEGER NOT NULL,
     height INTEGER NOT NULL,
     layout TEXT NOT NULL,
     layout_before_black TEXT,
     last_seen_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX screens_name ON screens (name);`,
];

/**
 * Opens the embedded store. WAL with synchronous=FULL: a commit returns only once it is on disk,
 * so whatever the server acknowledged survives a kill -9 or a power cut.
 */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}
