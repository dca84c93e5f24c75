import type { Plan } from '../engine/plan.ts';
import type { Day, SegmentKind, Stage } from '../model/programme.schema.ts';
import type { ProgrammePayload, RunState } from '../protocol.ts';
import { isOlderRunState } from '../state-order.ts';

/** What attendees may see of a segment: no MC notes, no timer thresholds. */
export type AgendaSegment = {
  id: string;
  dayId: string;
  stageId: string;
  title: string;
  performer: string;
  kind: SegmentKind;
  section: string;
};

/**
 * Everything the public agenda renders from, inlined in the page and kept up to date by the socket.
 * The plan travels with it so the phone re-derives projections with the shared engine.
 */
export type AgendaData = {
  revision: number;
  event: { title: string; theme: string; venue: string; timeZone: string; days: Day[]; stages: Stage[] };
  segments: AgendaSegment[];
  plan: Plan;
  /** Latest run state per stage id (the phone derives the live marks from it). */
  runStates: Record<string, RunState>;
  /** Server clock when this data was last known to be current. */
  asOf: number;
};

export function agendaDataFrom(p: ProgrammePayload, runStates: RunState[], asOf: number): AgendaData {
  const { event, segments } = p.programme;
  return {
    revision: p.revision,
    event: {
      title: event.title,
      theme: event.theme,
      venue: event.venue,
      timeZone: event.timeZone,
      days: event.days,
      stages: event.stages,
    },
    segments: segments.map(({ id, dayId, stageId, title, performer, kind, section }) => ({
      id,
      dayId,
      stageId,
      title,
      performer,
      kind,
      section,
    })),
    plan: p.plan,
    runStates: Object.fromEntries(runStates.map((s) => [s.stageId, s])),
    asOf,
  };
}

/**
 * A new programme replaces the old one. RunStates stay, but one of another revision is not used
 * for live marks (it may name removed segments) until the stage's next snapshot arrives.
 */
export function withProgramme(d: AgendaData, p: ProgrammePayload, asOf: number): AgendaData {
  if (p.revision < d.revision) return d;
  return agendaDataFrom(p, Object.values(d.runStates), Math.max(asOf, d.asOf));
}

/** A newer run state replaces the one of its stage; a late, older delivery never does. */
export function withRunState(d: AgendaData, s: RunState, asOf: number): AgendaData {
  const prev = d.runStates[s.stageId];
  if (prev && isOlderRunState(s, prev)) return d;
  return { ...d, runStates: { ...d.runStates, [s.stageId]: s }, asOf: Math.max(asOf, d.asOf) };
}

/** Which of two copies (inlined page, stored on the phone) is the fresher one. */
export function fresher(a: AgendaData, b: AgendaData | null): AgendaData {
  if (!b) return a;
  if (b.revision !== a.revision) return b.revision > a.revision ? b : a;
  return b.asOf > a.asOf ? b : a;
}
