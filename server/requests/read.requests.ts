import { ClockPing, NoPayload, WatchRequest, type ClockPong, type RunState, type Snapshot } from '../../shared/protocol.ts';
import { ServiceError } from '../errors.ts';
import { stageRoom } from '../realtime/stage-feeds.ts';
import { entry, type Budget } from './table.ts';

/** Where the read requests find the stages: the show itself, or the audience endpoint's copy. */
export interface StageSource {
  resolveStage(stageId: string | undefined): string;
  stageIds(): string[];
  runState(stageId: string): RunState;
  snapshot(stageId: string): Snapshot;
}

/** A screen watches again after each reconnect or layout change; a few a second is plenty. */
const WATCH_BUDGET: Budget = { perSecond: 5, burst: 20 };
/** Consoles send a burst of 8 pings after each connect, then one every 15 s. */
const PING_BUDGET: Budget = { perSecond: 5, burst: 20 };

/** What anyone may ask, on the main endpoint and on `/live`. */
export function readRequests(stages: StageSource, now: () => number) {
  return {
    'stage:watch': entry({
      schema: WatchRequest,
      roles: 'anyone',
      budget: WATCH_BUDGET,
      run: (req, ctx): RunState => {
        if (!ctx.conn) throw new ServiceError('bad_request', 'watching a stage needs a socket');
        const stageId = stages.resolveStage(req.stageId);
        const feed = req.feed ?? 'snapshot';
        // Read before joining: a refused watch (no state yet) leaves the earlier watch as it was.
        const state = feed === 'run' ? stages.runState(stageId) : stages.snapshot(stageId);
        ctx.conn.watch(stageId, feed);
        return state;
      },
    }),
    // Several stages at once (the agenda's "all stages", the technician's previews): the run feed
    // of each, on top of whatever this socket watches; it stays in them until it disconnects.
    'stages:watch': entry({
      schema: NoPayload,
      roles: 'anyone',
      budget: WATCH_BUDGET,
      run: (_req, ctx): RunState[] => {
        if (!ctx.conn) throw new ServiceError('bad_request', 'watching stages needs a socket');
        const states = stages.stageIds().map((id) => stages.runState(id));
        for (const s of states) ctx.conn.join(stageRoom(s.stageId, 'run'));
        return states;
      },
    }),
    'clock:ping': entry({
      schema: ClockPing,
      roles: 'anyone',
      budget: PING_BUDGET,
      run: (req): ClockPong => ({ t0: req.t0, serverTime: now() }),
    }),
  };
}
export type ReadName = keyof ReturnType<typeof readRequests>;
