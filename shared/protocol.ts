import { z } from 'zod';
import { Command } from './model/action.schema.ts';
import type { Programme } from './model/programme.schema.ts';
import type { ProgrammeWarning } from './model/warnings.ts';
import type { ScreenInfo } from './model/screen.schema.ts';
import type { Plan } from './engine/plan.ts';
import type { Refusal, StageRun } from './engine/run.ts';
import type { StageView } from './engine/view.ts';

import { PROTOCOL_VERSION } from './protocol-version.ts';

/** Bumped on any incompatible change to the messages below. Sent by clients in the handshake. */
export { PROTOCOL_VERSION };

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'stale_version'
  | 'not_found'
  | 'rate_limited'
  | 'protocol_mismatch'
  | 'internal'
  /** A programme edit would remove or move the segment running now. */
  | 'segment_running'
  /** Raised by clients themselves: the command was never sent, or no answer came. */
  | 'offline'
  | 'timeout'
  | Refusal;

export type ApiError = { code: ErrorCode; message: string; details?: unknown };
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export type SegmentRef = { id: string; title: string };

/**
 * The state of one stage as the server holds it: the folded action log. Every figure a screen shows
 * derives from it, the programme's plan and a clock (`deriveStageView` in shared/engine), so this
 * is all a client that runs the engine needs, and a few hundred bytes where a Snapshot is kilobytes.
 */
export type RunState = {
  protocol: typeof PROTOCOL_VERSION;
  /** Count of accepted actions on this stage; control commands quote it as expectedVersion. */
  version: number;
  programmeRevision: number;
  /** Server clock (epoch ms) when this was sent. */
  serverTime: number;
  stageId: string;
  run: StageRun;
  /** Only present when the server runs with benchmark timestamps enabled. */
  benchSentAt?: number;
};

/** A RunState with every figure already derived at `serverTime`, for clients without the engine. */
export type Snapshot = RunState &
  StageView & {
    current: SegmentRef | null;
    next: SegmentRef | null;
  };

/** The RunState a Snapshot was derived from (what `feed: 'run'` sockets receive). */
export function runStateOf(s: Snapshot): RunState {
  const r: RunState = { protocol: s.protocol, version: s.version, programmeRevision: s.programmeRevision, serverTime: s.serverTime, stageId: s.stageId, run: s.run };
  if (s.benchSentAt !== undefined) r.benchSentAt = s.benchSentAt;
  return r;
}

/** What a socket watching a stage receives on every change (never per second). */
export const FEEDS = ['snapshot', 'run'] as const;
export type Feed = (typeof FEEDS)[number];

export type ProgrammePayload = {
  revision: number;
  programme: Programme;
  plan: Plan;
  warnings: ProgrammeWarning[];
};

export const Role = z.enum(['admin', 'mc', 'technician']);
export type Role = z.infer<typeof Role>;

// Incoming payloads are unknown until parsed with these.
export const WatchRequest = z.object({ stageId: z.string().min(1).max(64).optional(), feed: z.enum(FEEDS).optional() }).strict();
export const ClockPing = z.object({ t0: z.number().finite() }).strict();
export const ControlRequest = z
  .object({
    stageId: z.string().min(1).max(64).optional(),
    expectedVersion: z.number().int().min(0).optional(),
    command: Command,
  })
  .strict();
export type ControlRequest = z.infer<typeof ControlRequest>;

export type ClockPong = { t0: number; serverTime: number };

export interface ServerToClientEvents {
  /** To sockets watching a stage with the default feed. */
  state: (s: Snapshot) => void;
  /** To sockets watching a stage with `feed: 'run'`. */
  run: (s: RunState) => void;
  programme: (p: ProgrammePayload) => void;
  /** To one LED screen: who it is and what to show (on register, assign, rename). */
  'screen:layout': (s: ScreenInfo) => void;
  /** To one LED screen: flash its name so the technician can tell which wall it is. */
  'screen:identified': (p: { name: string }) => void;
  'screen:forgotten': () => void;
  /** To technicians: every screen that ever registered. */
  screens: (list: ScreenInfo[]) => void;
}

export interface ClientToServerEvents {
  /** Answers a Snapshot (a RunState with every figure derived), or with `feed: 'run'` the RunState alone. */
  'stage:watch': (req: unknown, ack: (r: Ack<RunState>) => void) => void;
  'clock:ping': (req: unknown, ack: (r: Ack<ClockPong>) => void) => void;
  control: (req: unknown, ack: (r: Ack<Snapshot>) => void) => void;
  /** Public: an LED screen says who it is and how big it is. */
  'screen:register': (req: unknown, ack: (r: Ack<ScreenInfo>) => void) => void;
  // Technician or admin, checked per command.
  'screens:watch': (req: unknown, ack: (r: Ack<ScreenInfo[]>) => void) => void;
  'screen:assign': (req: unknown, ack: (r: Ack<ScreenInfo[]>) => void) => void;
  'screen:restore': (req: unknown, ack: (r: Ack<ScreenInfo[]>) => void) => void;
  'screen:rename': (req: unknown, ack: (r: Ack<ScreenInfo>) => void) => void;
  'screen:identify': (req: unknown, ack: (r: Ack<ScreenInfo>) => void) => void;
  'screen:forget': (req: unknown, ack: (r: Ack<{ screenId: string }>) => void) => void;
}

export type HandshakeAuth = { protocol?: number; token?: string };
