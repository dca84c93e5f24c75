import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.ts';

export const BACKUP_EVERY_MS = 5 * 60_000;
export const BACKUPS_KEPT = 48;
const NAME = /^run-of-show-\d{8}-\d{6}(-\d+)?\.sqlite$/;

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * A consistent copy of the live store made with SQLite's online backup (better-sqlite3's
 * db.backup), page by page between writes, so the show never pauses for it. Written under a
 * temporary name and renamed, so a backup folder never holds a half-written copy; only the newest
 * `keep` are kept.
 */
export async function backupStore(db: Db, dir: string, at = Date.now(), keep = BACKUPS_KEPT): Promise<string> {
  mkdirSync(dir, { recursive: true });
  let file = join(dir, `run-of-show-${stamp(at)}.sqlite`);
  for (let n = 2; listBackups(dir).includes(file); n++) file = join(dir, `run-of-show-${stamp(at)}-${n}.sqlite`);
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, file);
  for (const old of listBackups(dir).slice(0, -keep)) rmSync(old, { force: true });
  return file;
}

/** The backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => NAME.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Backs the store up every `everyMs` while the show changes (a new action or programme revision
 * since the last copy); an idle store is not copied again. A failed backup is reported and retried
 * next time: it never stops the show.
 */
export function scheduleBackups(db: Db, dir: string, everyMs = BACKUP_EVERY_MS, log: (line: string) => void = console.error) {
  const markOf = db.prepare<[], { a: number | null; r: number | null }>(
    'SELECT (SELECT MAX(seq) FROM actions) AS a, (SELECT revision FROM programme WHERE id = 1) AS r',
  );
  let last = '';
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const m = markOf.get();
      const mark = `${m?.a ?? 0}/${m?.r ?? 0}`;
      if (mark === last) return;
      await backupStore(db, dir);
      last = mark;
    } catch (e) {
      log(`backup of the store failed (${e instanceof Error ? e.message : String(e)}); the show goes on, the next try is in ${Math.round(everyMs / 1000)} s`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), now: tick };
}
