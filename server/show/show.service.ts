import type { Command } from '../../shared/model/action.schema.ts';
import { Programme } from '../../shared/model/programme.schema.ts';
import { programmeWarnings } from '../../shared/model/warnings.ts';
import { programmeTextProblems, textProblem } from '../../shared/model/plain-text.ts';
import { resolvePlan, type Plan } from '../../shared/engine/plan.ts';
import { ActionRefused, applyCommand, dayRun, emptyRun, runningActual, type StageRun } from '../../shared/engine/run.ts';
import { snapshotOf } from '../../shared/snapshot.ts';
import { PROTOCOL_VERSION, type ProgrammePayload, type RunState, type Snapshot } from '../../shared/protocol.ts';
import { translate } from '../../shared/i18n/index.ts';
import { findStage } from '../../shared/model/stage-id.ts';
import { invalidInput, ServiceError } from '../errors.ts';
import type { ActionsRepository } from '../store/actions.repository.ts';
import type { ProgrammeRepository } from '../store/programme.repository.ts';
import type { Db } from '../store/db.ts';
import { guardedWrite, type StoreHealthTracker } from '../store/store-health.ts';
import type { Broadcaster } from './broadcaster.ts';

type StageState = { version: number; run: StageRun };

export type ShowDeps = {
  db: Db;
  programmes: ProgrammeRepository;
  actions: ActionsRepository;
  now: () => number;
  seed: () => Programme;
  /** Fault injection for the crash tests: runs after a write is durable, before anyone is told. */
  afterAppend?: () => void;
  /**
   * Benchmark only (off in production): a monotonic clock shared by processes on one host; each
   * broadcast snapshot then carries the instant its action was received, as `benchSentAt`.
   */
  benchClock?: () => number;
  /** Told of every write that fails for the store's own reasons, and of the next that succeeds. */
  health?: StoreHealthTracker;
};

/**
 * The one source of truth. Every accepted command is written to the store before anyone hears of
 * it; everything screens show is derived from the stored runs, the plan and the clock.
 */
/**
 * The id of the stage a request names by id or by name (case and diacritics aside), or the first
 * stage when it names none; `not_found` with the valid ids otherwise.
 */
export function resolveStage(stages: readonly { id: string; name: string }[], stageId: string | undefined): string {
  const found = stageId === undefined ? stages[0] : findStage(stages, stageId);
  if (found === undefined) {
    throw new ServiceError('not_found', `unknown stage ${stageId}; stages: ${stages.map((s) => s.id).join(', ')}`, {
      stages: stages.map((s) => ({ id: s.id, name: s.name })),
    });
  }
  return found.id;
}

/** Stage ids changed by an edit: old id → new id. */
export type StageRenames = Readonly<Record<string, string>>;
/**
 * Told of stage ids an edit changes, inside the store transaction that saves it: writes its own
 * references (screens showing that stage) and returns what to apply in memory once committed.
 */
export type StageRenameListener = (renames: StageRenames) => () => void;

export class ShowService {
  private programme: Programme;
  private revision: number;
  private plan: Plan;
  private payload: ProgrammePayload;
  private readonly stages = new Map<string, StageState>();
  private readonly listeners: Broadcaster[] = [];
  private readonly renameListeners: StageRenameListener[] = [];

  constructor(private readonly deps: ShowDeps) {
    const stored = deps.programmes.load();
    if (stored) {
      this.programme = stored.programme;
      this.revision = stored.revision;
    } else {
      this.programme = deps.seed();
      this.revision = 1;
      deps.programmes.save(this.programme, this.revision, deps.now());
    }
    this.plan = resolvePlan(this.programme);
    this.payload = this.buildPayload();
    for (const [stageId, s] of deps.actions.latestRuns()) this.stages.set(stageId, s);
  }

  subscribe(b: Broadcaster): void {
    this.listeners.push(b);
  }

  onStageRenames(l: StageRenameListener): void {
    this.renameListeners.push(l);
  }

  programmePayload(): ProgrammePayload {
    return this.payload;
  }

  stageIds(): string[] {
    return this.programme.event.stages.map((s) => s.id);
  }

  resolveStage(stageId: string | undefined): string {
    return resolveStage(this.programme.event.stages, stageId);
  }

  runState(stageId: string): RunState {
    const state = this.stages.get(stageId) ?? { version: 0, run: emptyRun() };
    return {
      protocol: PROTOCOL_VERSION,
      version: state.version,
      programmeRevision: this.revision,
      serverTime: this.deps.now(),
      stageId,
      run: dayRun(this.plan, stageId, state.run),
    };
  }

  snapshot(stageId: string): Snapshot {
    const state = this.runState(stageId);
    return snapshotOf(this.payload, state, state.serverTime);
  }

  /**
   * Applies one command. A stale expectedVersion, an invalid command for the current phase or a
   * failed write leaves everything as it was.
   */
  control(stageIdIn: string | undefined, command: Command, expectedVersion: number | undefined, actor: string): Snapshot {
    const receivedAt = this.deps.benchClock?.();
    const stageId = this.resolveStage(stageIdIn);
    const textWhy = command.type === 'message' ? textProblem(command.text) : null;
    if (textWhy) throw new ServiceError('bad_request', `the message ${textWhy}`);
    const state = this.stages.get(stageId) ?? { version: 0, run: emptyRun() };
    if (expectedVersion !== undefined && expectedVersion !== state.version) {
      throw new ServiceError('stale_version', `the stage is at version ${state.version}, not ${expectedVersion}`, {
        version: state.version,
      });
    }
    const at = this.deps.now();
    let run: StageRun;
    try {
      run = applyCommand(this.plan, stageId, state.run, command, at);
    } catch (e) {
      if (e instanceof ActionRefused) throw new ServiceError(e.code, translate('en', `refusal.${e.code}`));
      throw e;
    }
    const version = state.version + 1;
    guardedWrite(this.deps.health, () => this.deps.actions.append({ stageId, version, at, command, actor }, run));
    this.deps.afterAppend?.();
    this.stages.set(stageId, { version, run });
    const snap = this.snapshot(stageId);
    if (receivedAt !== undefined) snap.benchSentAt = receivedAt;
    for (const l of this.listeners) l.stageChanged(stageId, snap);
    return snap;
  }

  currentRevision(): number {
    return this.revision;
  }

  /**
   * Replaces the whole programme during the show. Refused when it would remove the segment that is
   * running (or move it to another day or stage); runs keep their actuals by segment id and every
   * timer derives its remaining time from the new plan, so a new duration takes effect at once.
   */
  replaceProgramme(next: unknown, expectedRevision: number | undefined, renames: StageRenames = {}): ProgrammePayload {
    const parsed = Programme.safeParse(next);
    if (!parsed.success) throw invalidInput(parsed.error, 'programme');
    const programme = parsed.data;
    const textProblems = programmeTextProblems(programme);
    if (textProblems.length > 0) throw new ServiceError('bad_request', textProblems.slice(0, 5).join('; '), { problems: textProblems.slice(0, 20) });
    if (expectedRevision !== undefined && expectedRevision !== this.revision) {
      throw new ServiceError('stale_version', `the programme is at revision ${this.revision}, not ${expectedRevision}`, {
        revision: this.revision,
      });
    }
    const conflict = this.stageIdConflict(programme, renames) ?? this.runningConflict(programme);
    if (conflict) throw conflict;
    const plan = resolvePlan(programme);
    const revision = this.revision + 1;
    const renamed = Object.keys(renames).length > 0;
    let apply: (() => void)[] = [];
    guardedWrite(this.deps.health, () =>
      this.deps.db.transaction(() => {
        this.deps.programmes.save(programme, revision, this.deps.now());
        apply = renamed ? this.renameListeners.map((l) => l(renames)) : [];
      })(),
    );
    this.programme = programme;
    this.revision = revision;
    this.plan = plan;
    this.payload = this.buildPayload();
    for (const l of this.listeners) l.programmeChanged(this.payload);
    for (const a of apply) a();
    for (const stageId of this.stageIds()) {
      const snap = this.snapshot(stageId);
      for (const l of this.listeners) l.stageChanged(stageId, snap);
    }
    return this.payload;
  }

  /** The refusal a replacement would meet because it removes or moves a running segment, or null. */
  runningConflict(programme: Programme): ServiceError | null {
    for (const [stageId, state] of this.stages) {
      const running = runningActual(state.run);
      if (!running || state.run.cursorId === null) continue;
      const id = state.run.cursorId;
      const kept = programme.segments.find((s) => s.id === id);
      if (!kept || kept.stageId !== stageId || (state.run.dayId !== null && kept.dayId !== state.run.dayId)) {
        const title = this.programme.segments.find((s) => s.id === id)?.title ?? id;
        return new ServiceError('segment_running', `"${title}" is running on stage ${stageId}; end it before removing or moving it`, {
          segmentId: id,
          stageId,
        });
      }
    }
    return null;
  }

  /**
   * Why these stage ids cannot change, or null. A stage that has run keeps its id: its action log,
   * its report and the consoles watching it are keyed by it, and rewriting a live log is riskier
   * than asking the organiser to rename the stage's name instead. Renames must name a current
   * stage and a new id the edit introduces.
   */
  stageIdConflict(programme: Programme, renames: StageRenames): ServiceError | null {
    const before = new Set(this.stageIds());
    const after = new Set(programme.event.stages.map((s) => s.id));
    for (const [from, to] of Object.entries(renames)) {
      if (!before.has(from) || !after.has(to) || after.has(from) || before.has(to)) {
        return new ServiceError('bad_request', `cannot rename stage ${from} to ${to}: the old id must exist now and the new one only after the edit`);
      }
    }
    for (const [stageId, state] of this.stages) {
      if (state.version === 0 || after.has(stageId) || !before.has(stageId)) continue;
      const name = this.programme.event.stages.find((s) => s.id === stageId)?.name ?? stageId;
      return new ServiceError('stage_has_run', `stage "${name}" (${stageId}) has already run: its id stays, since its action log and report are kept under it; change its name instead`, {
        stageId,
      });
    }
    return null;
  }

  /** The plan and programme a report is computed against. */
  current(): { programme: Programme; plan: Plan; revision: number } {
    return { programme: this.programme, plan: this.plan, revision: this.revision };
  }

  private buildPayload(): ProgrammePayload {
    return {
      revision: this.revision,
      programme: this.programme,
      plan: this.plan,
      warnings: programmeWarnings(this.programme),
    };
  }
}
