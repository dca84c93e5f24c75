import { ServiceError } from '../errors.ts';

/**
 * Whether the store takes writes. A read-only file, a full disk or an I/O error does not stop the
 * server from showing the programme, but every control would fail: /healthz says so and the
 * consoles show a banner, instead of "ok" followed by a 500 on every press.
 */
export type StoreProblemCode = 'read_only' | 'disk_full' | 'damaged' | 'io_error';
export type StoreProblem = { code: StoreProblemCode; problem: string };
export type StoreHealth = { ok: true } | ({ ok: false; since: number } & StoreProblem);

export function storeHealth(now: () => number = Date.now) {
  let state: StoreHealth = { ok: true };
  return {
    get: (): StoreHealth => state,
    failed(p: StoreProblem): void {
      if (state.ok || state.code !== p.code) state = { ok: false, ...p, since: now() };
    },
    recovered(): void {
      state = { ok: true };
    },
  };
}
export type StoreHealthTracker = ReturnType<typeof storeHealth>;

const STORAGE_CODES = /^SQLITE_(READONLY|FULL|IOERR|CORRUPT|CANTOPEN|NOTADB|PERM)/;

/** The store's own fault (not a constraint or a bug), in plain words; null for any other error. */
export function storageProblem(e: unknown): StoreProblem | null {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !STORAGE_CODES.test(code)) return null;
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return { code: 'read_only', problem: 'the store file is read-only' };
  if (code === 'SQLITE_FULL') return { code: 'disk_full', problem: 'the disk holding the store is full' };
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { code: 'damaged', problem: 'the store file is damaged' };
  return { code: 'io_error', problem: `the store cannot be written (${code})` };
}

/**
 * Runs one write of the show; a storage failure marks the store unhealthy and answers 503 with
 * the reason (nothing was saved), and the next write that succeeds marks it healthy again.
 */
export function guardedWrite<T>(health: StoreHealthTracker | undefined, write: () => T): T {
  let result: T;
  try {
    result = write();
  } catch (e) {
    const problem = storageProblem(e);
    if (problem === null) throw e;
    health?.failed(problem);
    throw new ServiceError('internal', `${problem.problem}: nothing was saved`, { store: problem.code }, 503);
  }
  health?.recovered();
  return result;
}
