import { z } from 'zod';
import { Command } from './model/action.schema.ts';
import type { Programme } from './model/programme.schema.ts';
import type { ProgrammeWarning } from './model/warnings.ts';
import { AssignRequest, ConfirmRequest, PairRequest, RegisterRequest, RenameRequest, RestoreRequest, ScreenRef, type ScreenInfo, type ScreenPairing } from './model/screen.schema.ts';
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
  /** A programme edit would remove or re-id a stage that has run (its log is kept under its id). */
  | 'stage_has_run'
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

/**
 * Who a login or link is for: `admin` everything and the crew; `mc` runs a stage's show;
 * `moderator` only the stage timer's messages; `technician` the screens.
 */
export const Role = z.enum(['admin', 'mc', 'moderator', 'technician']);
export type Role = z.infer<typeof Role>;

// Incoming payloads are unknown until parsed with these.
// A stage by id or by name (names are up to 120 characters).
export const WatchRequest = z.object({ stageId: z.string().min(1).max(120).optional(), feed: z.enum(FEEDS).optional() }).strict();
export const ClockPing = z.object({ t0: z.number() }).strict();
export const ControlRequest = z
  .object({
    stageId: z.string().min(1).max(120).optional(),
    expectedVersion: z.number().int().min(0).optional(),
    command: Command,
  })
  .strict();
export type ControlRequest = z.infer<typeof ControlRequest>;

export type ClockPong = { t0: number; serverTime: number };
/** A request that carries nothing (`{}`). */
export const NoPayload = z.object({}).strict();

/**
 * Every request a client can send, by socket event name (imperatives), with the schema its payload
 * must pass. The server validates with these; clients are typed by their input (`z.input`).
 */
export const REQUEST_SCHEMAS = {
  'stage:watch': WatchRequest,
  'stages:watch': NoPayload,
  'clock:ping': ClockPing,
  control: ControlRequest,
  'screen:pair': PairRequest,
  'screen:register': RegisterRequest,
  'screens:watch': NoPayload,
  'screen:confirm': ConfirmRequest,
  'screen:assign': AssignRequest,
  'screen:restore': RestoreRequest,
  'screen:rename': RenameRequest,
  'screen:identify': ScreenRef,
  'screen:forget': ScreenRef,
} as const;
export type WireRequest = keyof typeof REQUEST_SCHEMAS;
/** What a client may send with each request. */
export type Payload<E extends WireRequest> = z.input<(typeof REQUEST_SCHEMAS)[E]>;

/** What each request answers in `data`. */
export type Replies = {
  /** A Snapshot (a RunState with every figure derived), or with `feed: 'run'` the RunState alone. */
  'stage:watch': RunState;
  /** Every stage's run state, in the programme's order; from now on `run` messages of every stage arrive. */
  'stages:watch': RunState[];
  'clock:ping': ClockPong;
  /** The stage's new state in the form the socket watches: a Snapshot, or the RunState on the run feed. */
  control: RunState;
  /** Anyone: a new LED player gets a code to show until a technician adds it. */
  'screen:pair': { code: string };
  /** With the key the player got when it was added: the screen says who it is and how big it is. */
  'screen:register': ScreenInfo;
  // Technician or admin.
  'screens:watch': ScreenInfo[];
  'screen:confirm': ScreenInfo;
  'screen:assign': ScreenInfo[];
  'screen:restore': ScreenInfo[];
  'screen:rename': ScreenInfo;
  'screen:identify': ScreenInfo;
  'screen:forget': { screenId: string };
};

/** Events the server sends: nouns for whole states (public, see docs/protocol.md), past tense for changes. */
export interface ServerToClientEvents {
  /** To sockets watching a stage with the default feed. */
  state: (s: Snapshot) => void;
  /** To sockets watching a stage with `feed: 'run'`. */
  run: (s: RunState) => void;
  programme: (p: ProgrammePayload) => void;
  /** To one LED screen: who it is and what to show (on register, assign, rename). */
  'screen:changed': (s: ScreenInfo) => void;
  /** To one LED screen: flash its name so the technician can tell which wall it is. */
  'screen:identified': (p: { name: string }) => void;
  'screen:forgotten': () => void;
  /** To a player showing a pairing code: the technician added it; keep this and register with it. */
  'screen:paired': (p: ScreenPairing) => void;
  /** To every socket of a login or device link just revoked (or whose password changed): it may control nothing now. */
  'session:ended': (p: { reason: 'revoked' }) => void;
  /** To technicians: every screen that ever registered, after any change. */
  'screens:changed': (list: ScreenInfo[]) => void;
}

/** The client's view: typed payloads, typed replies. */
export type ClientToServerEvents = {
  [E in WireRequest]: (req: Payload<E>, ack: (r: Ack<Replies[E]>) => void) => void;
};

/** The server's view: every payload is unknown until the request table parses it. */
export type ServerIncomingEvents = {
  [E in WireRequest]: (req: unknown, ack: (r: Ack<Replies[E]>) => void) => void;
};

export type HandshakeAuth = { protocol?: number; token?: string };
