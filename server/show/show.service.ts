import type { Command } from '../../shared/model/action.schema.ts';
import type { Programme } from '../../shared/model/programme.schema.ts';
import { programmeWarnings } from '../../shared/model/warnings.ts';
import { resolvePlan, type Plan } from '../../shared/engine/plan.ts';
import { ActionRefused, applyCommand, emptyRun, type StageRun } from '../../shared/engine/run.ts';
import { deriveStageView } from '../../shared/engine/view.ts';
import { PROTOCOL_VERSION, type ProgrammePayload, type Snapshot } from '../../shared/protocol.ts';
import { translate } from '../../shared/i18n/index.ts';
import { ServiceError } from '../errors.ts';
import type { ActionsRepository } from '../store/actions.repository.ts';
import type { ProgrammeRepository } from '../store/programme.repository.ts';
import type { Db } from '../store/db.ts';
import type { Broadcaster } from './broadcaster.ts';

type StageState = { version: number; run: StageRun };

export type ShowDeps = {
  db: Db;
  programmes: ProgrammeRepository;
  actions: ActionsRepository;
  now: () => number;
  seed: () => Programme;
};

/**
 * The one source of truth. Every accepted command is written to the store before anyone hears of
 * it; everything screens show is derived from the stored runs, the plan and the clock.
 */
export class ShowService {
  private programme: Programme;
  private revision: number;
  private plan: Plan;
  private payload: ProgrammePayload;
  private readonly stages = new Map<string, StageState>();
  private readonly listeners: Broadcaster[] = [];

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

  programmePayload(): ProgrammePayload {
    return this.payload;
  }

  stageIds(): string[] {
    return this.programme.event.stages.map((s) => s.id);
  }

  resolveStage(stageId: string | undefined): string {
    const id = stageId ?? this.stageIds()[0];
    if (id === undefined || !this.stageIds().includes(id)) throw new ServiceError('not_found', `unknown stage ${stageId}`);
    return id;
  }

  snapshot(stageId: string): Snapshot {
    const state = this.stages.get(stageId) ?? { version: 0, run: emptyRun() };
    const now = this.deps.now();
    const view = deriveStageView(this.plan, stageId, state.run, now);
    const titleOf = (id: string | null) => {
      const s = id === null ? undefined : this.programme.segments.find((x) => x.id === id);
      return s ? { id: s.id, title: s.title } : null;
    };
    return {
      protocol: PROTOCOL_VERSION,
      version: state.version,
      programmeRevision: this.revision,
      serverTime: now,
      ...view,
      current: titleOf(view.currentId),
      next: titleOf(view.nextId),
    };
  }

  /**
   * Applies one command. A stale expectedVersion, an invalid command for the current phase or a
   * failed write leaves everything as it was.
   */
  control(stageIdIn: string | undefined, command: Command, expectedVersion: number | undefined, actor: string): Snapshot {
    const stageId = this.resolveStage(stageIdIn);
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
    this.deps.actions.append({ stageId, version, at, command, actor }, run);
    this.stages.set(stageId, { version, run });
    const snap = this.snapshot(stageId);
    for (const l of this.listeners) l.stageChanged(stageId, snap);
    return snap;
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
