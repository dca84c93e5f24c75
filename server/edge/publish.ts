import { runStateOf, type ProgrammePayload, type RunState } from '../../shared/protocol.ts';
import type { LiveEndpoint } from '../live/live.endpoint.ts';
import type { Broadcaster } from '../show/broadcaster.ts';
import { publicProgramme } from '../show/public-programme.ts';
import type { ShowService } from '../show/show.service.ts';
import { ADAPTER_OPTIONS, EDGE_EVENTS, KEYS } from './keys.ts';
import { redisLink } from './redis-link.ts';

export type EdgeFeed = Broadcaster & {
  /** Joins the primary's audience endpoint to the edges once Redis answers, and again after every outage. */
  attach(live: LiveEndpoint, show: ShowService): void;
  close(): Promise<void>;
};

const keptState = (s: RunState): string => {
  const { benchSentAt: _, ...state } = s;
  return JSON.stringify(state);
};

/**
 * The primary's side of REDIS_URL. Each change is written to the keys the edges start from, told
 * to the edges (their copy for new phones), and then broadcast by the audience endpoint through
 * the adapter's stream to every edge's sockets: all on one connection, in that order. The primary
 * stays the only writer; Redis holds a copy it can rebuild at any time.
 */
export async function edgeFeed(url: string): Promise<EdgeFeed> {
  const { createAdapter } = await import('@socket.io/redis-streams-adapter');
  const link = await redisLink(url, 'primary');
  let live: LiveEndpoint | null = null;
  let linked = false;

  const writeProgramme = (p: ProgrammePayload) => {
    void link.client.set(KEYS.programme, JSON.stringify(p)).catch(() => undefined);
    live?.io.serverSideEmit(EDGE_EVENTS.programme, p);
  };
  const writeState = (s: RunState) => {
    void link.client.hSet(KEYS.stages, s.stageId, keptState(s)).catch(() => undefined);
    live?.io.serverSideEmit(EDGE_EVENTS.state, s);
  };

  return {
    // Before Redis first answers there is nobody to tell: the first connection writes everything.
    programmeChanged: (payload) => linked && writeProgramme(publicProgramme(payload)),
    stageChanged: (_stageId, snapshot) => linked && writeState(runStateOf(snapshot)),
    attach(endpoint, show) {
      link.onReady(() => {
        if (!linked) endpoint.io.adapter(createAdapter(link.client, ADAPTER_OPTIONS));
        live = endpoint;
        linked = true;
        // Redis may have come back empty, and edges may have missed what was sent while it was away:
        // write and send the whole copy again. Phones ignore a state they already hold.
        const programme = publicProgramme(show.programmePayload());
        void link.client.del(KEYS.stages).catch(() => undefined);
        writeProgramme(programme);
        endpoint.programmeChanged(programme);
        for (const id of show.stageIds()) {
          const snapshot = show.snapshot(id);
          writeState(runStateOf(snapshot));
          endpoint.stageChanged(snapshot);
        }
      });
    },
    close: () => link.close(),
  };
}
