import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createServer, type Server as HttpServer } from 'node:http';
import type { ProgrammePayload, RunState } from '../../shared/protocol.ts';
import { limitConnections } from '../http/connection-limits.ts';
import { liveEndpoint, type LiveEndpoint } from '../live/live.endpoint.ts';
import { edgeApp } from './edge.app.ts';
import { ADAPTER_OPTIONS, EDGE_EVENTS, readCopy, type AudienceCopy } from './keys.ts';
import type { RedisLink } from './redis-link.ts';

/** How often an edge compares its copy with the keys: the net under anything the adapter's pub/sub dropped. */
const RECONCILE_MS = 2000;

export type Edge = { http: HttpServer; live: LiveEndpoint; close(): Promise<void> };

export type EdgeOptions = {
  link: RedisLink;
  /** What the primary last wrote (readCopy); the edge starts only once it holds a programme. */
  copy: AudienceCopy & { programme: ProgrammePayload };
  clientDir: string | undefined;
  connectionsPerAddress?: number;
};

/**
 * An audience edge: `/live`, the agenda and /healthz, with no store. Its phones get the primary's
 * broadcasts through the adapter's stream; its own copy (for phones that connect or watch) comes
 * from the keys at start and after every Redis outage, and from the primary's notices in between.
 */
export function createEdge(o: EdgeOptions): Edge {
  const { link } = o;
  const startedAt = Date.now();
  let live: LiveEndpoint | null = null;
  const source = {
    programmePayload: () => endpoint().source.programmePayload(),
    stageIds: () => endpoint().source.stageIds(),
    runState: (id: string) => endpoint().source.runState(id),
    resolveStage: (id: string | undefined) => endpoint().source.resolveStage(id),
  };
  const endpoint = () => {
    if (!live) throw new Error('edge not started');
    return live;
  };
  const http = createServer({ connectionsCheckingInterval: 1000 }, edgeApp({ source, redisUp: () => link.up(), audience: () => live?.io.engine.clientsCount ?? 0, clientDir: o.clientDir, startedAt }));
  limitConnections(http, o.connectionsPerAddress);
  live = liveEndpoint(http, {
    programme: o.copy.programme,
    states: o.copy.states,
    fanout: 'none',
    adapter: createAdapter(link.client, ADAPTER_OPTIONS),
  });
  const l = live;

  const inProgramme = (s: RunState) => l.source.stageIds().includes(s.stageId);
  const takeProgramme = (p: ProgrammePayload, resend: boolean) => {
    if (p.revision < l.source.programmePayload().revision) return;
    const changed = p.revision !== l.source.programmePayload().revision;
    l.programmeChanged(p);
    if (resend && changed) l.io.local.emit('programme', p);
  };
  // Told by the primary: its broadcast reaches the phones by itself.
  l.io.on(EDGE_EVENTS.programme, (p: ProgrammePayload) => takeProgramme(p, false));
  l.io.on(EDGE_EVENTS.state, (s: RunState) => inProgramme(s) && l.remember(s));

  // Found in the keys: the phones missed it too, so they get it from here.
  let reconciling = false;
  const reconcile = async () => {
    if (reconciling || !link.up()) return;
    reconciling = true;
    try {
      const copy = await readCopy(link.client);
      if (copy.programme) takeProgramme(copy.programme, true);
      for (const s of copy.states) if (inProgramme(s) && newer(l, s) && l.remember(s)) l.resend(s.stageId);
    } catch {
      // Redis went away mid-read: the next turn or the reconnection tries again.
    } finally {
      reconciling = false;
    }
  };
  link.onReady(() => void reconcile());
  const timer = setInterval(() => void reconcile(), RECONCILE_MS);
  timer.unref();

  return {
    http,
    live: l,
    close: async () => {
      clearInterval(timer);
      await l.close();
    },
  };
}

/** Strictly newer than the copy (an equal state needs no resend). */
function newer(live: LiveEndpoint, s: RunState): boolean {
  try {
    const held = live.source.runState(s.stageId);
    return s.programmeRevision > held.programmeRevision || (s.programmeRevision === held.programmeRevision && s.version > held.version);
  } catch {
    return true;
  }
}
