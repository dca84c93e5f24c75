import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { DEFAULT_LAYOUT, type Layout, type RegisterRequest, type ScreenInfo, type ScreenPairing } from '../../shared/model/screen.schema.ts';
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
  /** The player showing pairing code `code` was added: give it its identity. */
  paired(code: string, pairing: ScreenPairing): void;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export type Targets = 'all' | string[];

/** The list a technician manages has a bound. */
export const MAX_SCREENS = 200;
/** Codes waiting to be added: a few per address (a player or two at a desk), a bound overall. */
export const PENDING_PER_ADDRESS = 8;
const PENDING_MAX = 50;
const PAIRING_TTL_MS = 30 * 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Every screen that ever registered, what it shows and whether it is connected. Each change is on
 * disk before anyone hears of it, so a restart or a reload brings every wall back as it was.
 */
export class ScreensService {
  private readonly screens = new Map<string, ScreenRecord>();
  /** Open sockets per screen; a wall driven by two players counts as connected while either is. */
  private readonly sockets = new Map<string, number>();
  private readonly listeners: ScreensBroadcaster[] = [];
  /** Pairing codes shown on walls, not stored: by code. */
  private readonly pending = new Map<string, { address: string; width: number; height: number; expiresAt: number }>();

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
   * A new player asks to be added: it gets a code to show on its wall, held in memory only (nothing
   * is stored until a technician confirms it) and for a bounded time, a few per address.
   */
  pair(address: string, width: number, height: number): string {
    const at = this.now();
    for (const [code, p] of this.pending) if (p.expiresAt <= at) this.pending.delete(code);
    const mine = [...this.pending.values()].filter((p) => p.address === address).length;
    if (mine >= PENDING_PER_ADDRESS || this.pending.size >= PENDING_MAX) {
      throw new ServiceError('rate_limited', 'too many screens waiting to be added from here; add or close them first');
    }
    let code = newCode();
    while (this.screens.has(code) || this.pending.has(code)) code = newCode();
    this.pending.set(code, { address, width, height, expiresAt: at + PAIRING_TTL_MS });
    return code;
  }

  /** The player showing `code` went away before anyone added it. */
  unpair(code: string): void {
    this.pending.delete(code);
  }

  /**
   * The technician adds the screen showing `code`, under `name`: it is stored with a fresh key,
   * which only the player showing the code receives.
   */
  confirm(code: string, name: string): ScreenInfo {
    const p = this.pending.get(code);
    if (!p || p.expiresAt <= this.now()) throw new ServiceError('not_found', `no screen is showing the code ${code}`);
    const clash = this.findByName(name);
    if (clash) throw new ServiceError('bad_request', `another screen is already called "${name}"`);
    if (this.screens.size >= MAX_SCREENS) throw new ServiceError('bad_request', `already ${MAX_SCREENS} screens; forget unused ones in /tech`);
    const at = this.now();
    const key = randomBytes(24).toString('base64url');
    const rec: ScreenRecord = { id: code, name, width: p.width, height: p.height, layout: DEFAULT_LAYOUT, layoutBeforeBlack: null, lastSeenAt: at };
    this.repo.insert(rec, sha256(key), at);
    this.pending.delete(code);
    this.screens.set(code, rec);
    for (const l of this.listeners) l.paired(code, { screenId: code, key });
    this.emitList();
    return this.info(rec);
  }

  /** A player that was added says who it is (with its key) and how big it is now. */
  register(req: RegisterRequest): ScreenInfo {
    const existing = this.screens.get(req.screenId);
    const hash = existing ? this.repo.keyHash(existing.id) : null;
    if (!existing || hash === null || !timingSafeEqual(Buffer.from(hash), Buffer.from(sha256(req.key)))) {
      throw new ServiceError('unauthorized', 'unknown screen or key; show a new code and add the screen in /tech');
    }
    const at = this.now();
    this.repo.seen(existing.id, req.width, req.height, at);
    const rec = { ...existing, width: req.width, height: req.height, lastSeenAt: at };
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

  /**
   * Stage ids an edit changed: screens showing those stages follow them. Writes now (inside the
   * caller's transaction); the returned function updates memory and tells the screens once committed.
   */
  renameStages(renames: Readonly<Record<string, string>>): () => void {
    const moved = (l: Layout | null): Layout | null => {
      if (l === null || !('stageId' in l) || l.stageId === undefined) return l;
      const to = renames[l.stageId];
      return to === undefined ? l : { ...l, stageId: to };
    };
    const changed = [...this.screens.values()].flatMap((s) => {
      const layout = moved(s.layout) ?? s.layout;
      const layoutBeforeBlack = moved(s.layoutBeforeBlack);
      return layout === s.layout && layoutBeforeBlack === s.layoutBeforeBlack ? [] : [{ ...s, layout, layoutBeforeBlack }];
    });
    this.repo.setLayouts(changed.map((s) => ({ id: s.id, layout: s.layout, layoutBeforeBlack: s.layoutBeforeBlack })), this.now());
    return () => {
      for (const s of changed) this.screens.set(s.id, s);
      for (const l of this.listeners) for (const s of changed) l.screenChanged(this.info(s));
      if (changed.length > 0) this.emitList();
    };
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
