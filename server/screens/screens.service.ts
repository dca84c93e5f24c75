import { randomInt } from 'node:crypto';
import { DEFAULT_LAYOUT, type Layout, type RegisterRequest, type ScreenInfo } from '../../shared/model/screen.schema.ts';
import { ServiceError } from '../errors.ts';
import type { ScreenRecord, ScreensRepository } from './screens.repository.ts';

/** What the screens feature needs from the transport. */
export interface ScreensBroadcaster {
  /** One screen's identity or layout changed: tell that screen. */
  screenChanged(info: ScreenInfo): void;
  /** Anything changed: tell the technicians (the list is small, so it goes whole). */
  listChanged(list: ScreenInfo[]): void;
  identify(screenId: string, name: string): void;
  forgotten(screenId: string): void;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export type Targets = 'all' | string[];

/** Registering is public, so the list a technician manages has a bound. */
export const MAX_SCREENS = 200;

/**
 * Every screen that ever registered, what it shows and whether it is connected. Each change is on
 * disk before anyone hears of it, so a restart or a reload brings every wall back as it was.
 */
export class ScreensService {
  private readonly screens = new Map<string, ScreenRecord>();
  /** Open sockets per screen; a wall driven by two players counts as connected while either is. */
  private readonly sockets = new Map<string, number>();
  private readonly listeners: ScreensBroadcaster[] = [];

  constructor(
    private readonly repo: ScreensRepository,
    private readonly now: () => number,
  ) {
    for (const s of repo.all()) this.screens.set(s.id, s);
  }

  subscribe(b: ScreensBroadcaster): void {
    this.listeners.push(b);
  }

  list(): ScreenInfo[] {
    return [...this.screens.values()]
      .sort((a, b) => (a.name === '') !== (b.name === '') ? (a.name === '' ? 1 : -1) : a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map((s) => this.info(s));
  }

  get(id: string): ScreenInfo {
    return this.info(this.record(id));
  }

  /**
   * A name in the URL wins (it is what the technician typed on that player); otherwise the code the
   * device kept; otherwise a new screen with a fresh code for the technician to name.
   */
  register(req: RegisterRequest): ScreenInfo {
    const at = this.now();
    const byName = req.name === undefined ? undefined : this.findByName(req.name);
    const byId = req.screenId === undefined ? undefined : this.screens.get(req.screenId);
    const existing = byName ?? byId;
    let rec: ScreenRecord;
    if (existing) {
      const name = req.name ?? existing.name;
      this.repo.seen(existing.id, name, req.width, req.height, at);
      rec = { ...existing, name, width: req.width, height: req.height, lastSeenAt: at };
    } else {
      if (this.screens.size >= MAX_SCREENS) throw new ServiceError('bad_request', `already ${MAX_SCREENS} screens; forget unused ones in /tech`);
      let id = newCode();
      while (this.screens.has(id)) id = newCode();
      rec = { id, name: req.name ?? '', width: req.width, height: req.height, layout: DEFAULT_LAYOUT, layoutBeforeBlack: null, lastSeenAt: at };
      this.repo.insert(rec, at);
    }
    this.screens.set(rec.id, rec);
    return this.info(rec);
  }

  /** Tells technicians the list again (a screen re-registered with a new size, say). */
  announce(): void {
    this.emitList();
  }

  attached(id: string): void {
    this.sockets.set(id, (this.sockets.get(id) ?? 0) + 1);
    this.emitList();
  }

  detached(id: string): void {
    const n = (this.sockets.get(id) ?? 1) - 1;
    if (n > 0) this.sockets.set(id, n);
    else this.sockets.delete(id);
    const rec = this.screens.get(id);
    if (rec) {
      const at = this.now();
      this.repo.touch(id, at);
      this.screens.set(id, { ...rec, lastSeenAt: at });
    }
    this.emitList();
  }

  assign(targets: Targets, layout: Layout): ScreenInfo[] {
    return this.change(targets, (s) => ({
      layout,
      // Blackout remembers what was on, so "clear" can bring it back.
      layoutBeforeBlack: layout.type === 'black' ? (s.layout.type === 'black' ? s.layoutBeforeBlack : s.layout) : null,
    }));
  }

  /** Clear a blackout: black screens go back to what they showed before; the others stay. */
  restore(targets: Targets): ScreenInfo[] {
    return this.change(targets, (s) =>
      s.layout.type === 'black' ? { layout: s.layoutBeforeBlack ?? DEFAULT_LAYOUT, layoutBeforeBlack: null } : null,
    );
  }

  rename(id: string, name: string): ScreenInfo {
    const rec = this.record(id);
    const clash = this.findByName(name);
    if (clash && clash.id !== id) throw new ServiceError('bad_request', `another screen is already called "${name}"`);
    this.repo.rename(id, name, this.now());
    const next = { ...rec, name };
    this.screens.set(id, next);
    const info = this.info(next);
    for (const l of this.listeners) l.screenChanged(info);
    this.emitList();
    return info;
  }

  identify(id: string): ScreenInfo {
    const rec = this.record(id);
    for (const l of this.listeners) l.identify(id, rec.name || rec.id);
    return this.info(rec);
  }

  forget(id: string): void {
    this.record(id);
    this.repo.remove(id);
    this.screens.delete(id);
    for (const l of this.listeners) l.forgotten(id);
    this.emitList();
  }

  private change(targets: Targets, f: (s: ScreenRecord) => Pick<ScreenRecord, 'layout' | 'layoutBeforeBlack'> | null): ScreenInfo[] {
    const recs = targets === 'all' ? [...this.screens.values()] : [...new Set(targets)].map((id) => this.record(id));
    const changed = recs.flatMap((s) => {
      const c = f(s);
      return c ? [{ ...s, ...c }] : [];
    });
    this.repo.setLayouts(changed.map((s) => ({ id: s.id, layout: s.layout, layoutBeforeBlack: s.layoutBeforeBlack })), this.now());
    for (const s of changed) this.screens.set(s.id, s);
    const infos = changed.map((s) => this.info(s));
    for (const l of this.listeners) for (const i of infos) l.screenChanged(i);
    if (infos.length > 0) this.emitList();
    return infos;
  }

  private record(id: string): ScreenRecord {
    const rec = this.screens.get(id);
    if (!rec) throw new ServiceError('not_found', `no screen ${id}`);
    return rec;
  }

  private findByName(name: string): ScreenRecord | undefined {
    const key = name.toLocaleLowerCase();
    return [...this.screens.values()].find((s) => s.name !== '' && s.name.toLocaleLowerCase() === key);
  }

  private info(s: ScreenRecord): ScreenInfo {
    return {
      id: s.id,
      name: s.name,
      width: s.width,
      height: s.height,
      layout: s.layout,
      connected: (this.sockets.get(s.id) ?? 0) > 0,
      lastSeenAt: s.lastSeenAt,
    };
  }

  private emitList(): void {
    const list = this.list();
    for (const l of this.listeners) l.listChanged(list);
  }
}
