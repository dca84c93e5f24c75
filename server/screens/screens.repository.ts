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
  const all = db.prepare<[], Row>('SELECT * FROM screens ORDER BY name = \'\', name COLLATE NOCASE, id');
  const insert = db.prepare(
    'INSERT INTO screens (id, name, width, height, layout, layout_before_black, last_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
  );
  const seen = db.prepare('UPDATE screens SET name = ?, width = ?, height = ?, last_seen_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE screens SET last_seen_at = ? WHERE id = ?');
  const setLayout = db.prepare('UPDATE screens SET layout = ?, layout_before_black = ?, updated_at = ? WHERE id = ?');
  const rename = db.prepare('UPDATE screens SET name = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM screens WHERE id = ?');

  return {
    all(): ScreenRecord[] {
      return all.all().map(toRecord);
    },
    insert(s: ScreenRecord, at: number): void {
      insert.run(s.id, s.name, s.width, s.height, JSON.stringify(s.layout), s.lastSeenAt, at);
    },
    seen(id: string, name: string, width: number, height: number, at: number): void {
      seen.run(name, width, height, at, id);
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
      remove.run(id);
    },
  };
}
export type ScreensRepository = ReturnType<typeof screensRepository>;
