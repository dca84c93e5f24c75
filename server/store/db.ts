import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { storageProblem, type StoreProblem } from './store-health.ts';

export type Db = Database.Database;

export const MIGRATIONS: readonly string[] = [
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
  // The crew (issue 13): device links beside logins and API tokens, each token scoped to one stage
  // or all (stage_id NULL), and when it was last used. SQLite cannot widen a CHECK in place: the
  // table is copied, every existing login and API token kept as it was (scope: every stage).
  `CREATE TABLE tokens_v3 (
     token_hash TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('session', 'api', 'device')),
     name TEXT NOT NULL DEFAULT '',
     created_at INTEGER NOT NULL,
     expires_at INTEGER,
     revoked_at INTEGER,
     stage_id TEXT,
     last_seen_at INTEGER
   );
   INSERT INTO tokens_v3 (token_hash, role, kind, name, created_at, expires_at, revoked_at)
     SELECT token_hash, role, kind, name, created_at, expires_at, revoked_at FROM tokens;
   DROP TABLE tokens;
   ALTER TABLE tokens_v3 RENAME TO tokens;`,
  // Files the event owns (the logo, issue 13), in the store so a backup carries them.
  `CREATE TABLE assets (
     name TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     data BLOB NOT NULL,
     hash TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
];

/** A store that must not be used: the message is one line naming the file and what to do. */
export class StoreUnusable extends Error {
  constructor(
    readonly file: string,
    why: string,
  ) {
    // One line whatever SQLite said: its quick_check report spans several.
    super(
      `the store ${file} ${why.replace(/\s+/g, ' ')}; nothing was changed or reset. Restore a backup (npm run restore -- <file from ${dirname(file)}/backups>, see docs/RELIABILITY.md) or move this file away to start an empty show.`,
    );
  }
}

/**
 * Opens the embedded store. WAL with synchronous=FULL: a commit returns only once it is on disk,
 * so whatever the server acknowledged survives a kill -9 or a power cut. A file that exists but is
 * empty or fails SQLite's quick_check is refused (StoreUnusable) rather than silently started
 * afresh, which would lose the show and every session.
 */
export function openDb(file: string): Db {
  if (file === ':memory:') return prepare(new Database(file));
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) {
    const cut = truncation(file);
    if (cut) throw new StoreUnusable(file, cut);
  }
  let db: Db | null = null;
  try {
    db = new Database(file);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreUnusable(file, `is damaged (SQLite quick_check: ${String(check).slice(0, 120)})`);
    return prepare(db);
  } catch (e) {
    db?.close();
    if (e instanceof StoreUnusable) throw e;
    const problem = storageProblem(e);
    if (problem?.code === 'damaged') throw new StoreUnusable(file, `is damaged or not a store (${(e as Error).message})`);
    throw e;
  }
}

/**
 * Why the file cannot be a whole store, from its size and SQLite's 100-byte header alone, or null.
 * A cut-off file can pass quick_check (SQLite reads the missing pages as an empty database) and
 * would then be seeded afresh: the silent reset this refuses.
 */
function truncation(file: string): string | null {
  const size = statSync(file).size;
  if (size === 0) return 'is empty (0 bytes), so it holds no show';
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return `is not a store (no SQLite header in its ${size} bytes)`;
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (size % pageSize !== 0) return `is truncated (${size} bytes is not a whole number of ${pageSize}-byte pages)`;
  const pages = header.readUInt32BE(28);
  // The page count in the header is valid only when written by the same change as the counter (offsets 24 and 92).
  if (header.readUInt32BE(24) === header.readUInt32BE(92) && pages > 0 && size < pages * pageSize)
    return `is truncated (it holds ${size / pageSize} of the ${pages} pages its header counts)`;
  return null;
}

function prepare(db: Db): Db {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Whether the store takes a write now: null if so, else why not (a read-only file, a full disk…). */
export function probeWrite(db: Db): StoreProblem | null {
  try {
    db.prepare("INSERT INTO meta (key, value) VALUES ('last_opened_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
      String(Date.now()),
    );
    return null;
  } catch (e) {
    const problem = storageProblem(e);
    if (problem === null) throw e;
    return problem;
  }
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
