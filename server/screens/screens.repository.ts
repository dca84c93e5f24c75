import { Layout, DEFAULT_LAYOUT } from '../../shared/model/screen.schema.ts';
import type { Db } from '../store/db.ts';

type Row = {
  id: string;
  name: string;
  width: number;
  height: number;
  layout: string;
  layout_before_black: string | null;
  last_seen_at: number;
};

export type ScreenRecord = {
  id: string;
  name: string;
  width: number;
  height: number;
  layout: Layout;
  layoutBeforeBlack: Layout | null;
  lastSeenAt: number;
};

/** A stored layout that no longer parses (an older version's) falls back to the default, never crashes. */
function readLayout(json: string | null): Layout | null {
  if (json === null) return null;
  try {
    const r = Layout.safeParse(JSON.parse(json));
    return r.success ? r.data : DEFAULT_LAYOUT;
  } catch {
    return DEFAULT_LAYOUT;
  }
}

const toRecord = (r: Row): ScreenRecord => ({
  id: r.id,
  name: r.name,
  width: r.width,
  height: r.height,
  layout: readLayout(r.layout) ?? DEFAULT_LAYOUT,
  layoutBeforeBlack: readLayout(r.layout_before_black),
  lastSeenAt: r.last_seen_at,
});

export function screensRepository(db: Db) {
  // The screens' keys (hashes only), in a table of this feature's own: a screen added before keys
  // existed simply has none and is paired again.
  db.exec('CREATE TABLE IF NOT EXISTS screen_keys (screen_id TEXT PRIMARY KEY, key_hash TEXT NOT NULL)');
  const keyOf = db.prepare<[string], { key_hash: string }>('SELECT key_hash FROM screen_keys WHERE screen_id = ?');
  const setKey = db.prepare('INSERT INTO screen_keys (screen_id, key_hash) VALUES (?, ?) ON CONFLICT (screen_id) DO UPDATE SET key_hash = excluded.key_hash');
  const removeKey = db.prepare('DELETE FROM screen_keys WHERE screen_id = ?');
  const all = db.prepare<[], Row>('SELECT * FROM screens ORDER BY name = \'\', name COLLATE NOCASE, id');
  const insert = db.prepare(
    'INSERT INTO screens (id, name, width, height, layout, layout_before_black, last_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
  );
  const seen = db.prepare('UPDATE screens SET width = ?, height = ?, last_seen_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE screens SET last_seen_at = ? WHERE id = ?');
  const setLayout = db.prepare('UPDATE screens SET layout = ?, layout_before_black = ?, updated_at = ? WHERE id = ?');
  const rename = db.prepare('UPDATE screens SET name = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM screens WHERE id = ?');

  return {
    all(): ScreenRecord[] {
      return all.all().map(toRecord);
    },
    /** A new screen and its key's hash, together or not at all. */
    insert(s: ScreenRecord, keyHash: string, at: number): void {
      db.transaction(() => {
        insert.run(s.id, s.name, s.width, s.height, JSON.stringify(s.layout), s.lastSeenAt, at);
        setKey.run(s.id, keyHash);
      })();
    },
    keyHash(id: string): string | null {
      return keyOf.get(id)?.key_hash ?? null;
    },
    seen(id: string, width: number, height: number, at: number): void {
      seen.run(width, height, at, id);
    },
    touch(id: string, at: number): void {
      touch.run(at, id);
    },
    /** Several screens change in one transaction: all of them are on disk or none is. */
    setLayouts(changes: { id: string; layout: Layout; layoutBeforeBlack: Layout | null }[], at: number): void {
      db.transaction(() => {
        for (const c of changes) setLayout.run(JSON.stringify(c.layout), c.layoutBeforeBlack ? JSON.stringify(c.layoutBeforeBlack) : null, at, c.id);
      })();
    },
    rename(id: string, name: string, at: number): void {
      rename.run(name, at, id);
    },
    remove(id: string): void {
      db.transaction(() => {
        remove.run(id);
        removeKey.run(id);
      })();
    },
  };
}
export type ScreensRepository = ReturnType<typeof screensRepository>;
