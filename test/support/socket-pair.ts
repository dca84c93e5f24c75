import type { Feed, Payload, Replies, RunState, Snapshot, WireRequest, Ack } from '../../shared/protocol.ts';
import { runStateOf } from '../../shared/protocol.ts';
import type { Principal } from '../../server/auth/auth.service.ts';
import { ServiceError } from '../../server/errors.ts';
import { serveRequests, type RequestSocket } from '../../server/requests/socket.adapter.ts';
import type { ServedTable } from '../../server/requests/requests.ts';
import type { RequestConnection } from '../../server/requests/table.ts';
import type { ShowService } from '../../server/show/show.service.ts';

/** What the server pushed to one client, in order. */
export type Pushed = { event: 'state'; data: Snapshot } | { event: 'run'; data: RunState };

/**
 * Clients and the request table joined by in-memory queues instead of sockets (after tldraw
 * sync-core's TestSocketPair): nothing moves until the test says so, so a race is an order the test
 * picks, and "nothing else arrived" is a fact, not a sleep.
 */
export class TestHub {
  private readonly pairs: TestSocketPair[] = [];

  constructor(
    private readonly table: ServedTable,
    show: ShowService,
  ) {
    show.subscribe({
      stageChanged: (stageId, snapshot) => {
        for (const p of this.pairs) p.push(stageId, snapshot);
      },
      programmeChanged: () => undefined,
    });
  }

  /** `clock`: the budgets' monotonic clock (ms), so a test decides how fast requests come. */
  connect(principal: () => Principal | null = () => null, clock?: () => number): TestSocketPair {
    const pair = new TestSocketPair();
    serveRequests(pair.server, this.table, { principal, unserved: (w) => new ServiceError('forbidden', `no ${w} here`), ...(clock ? { clock } : {}) });
    this.pairs.push(pair);
    return pair;
  }
}

type Queued = { event: WireRequest; req: unknown; ack: (r: Ack<unknown>) => void };

export class TestSocketPair {
  /** Requests sent by the client that the server has not received yet. */
  private readonly outbox: Queued[] = [];
  /** Events the server pushed to this client that it has not read yet. */
  readonly inbox: Pushed[] = [];
  private readonly handlers = new Map<WireRequest, (req: unknown, ack: unknown) => void>();
  private watching: { stageId: string; feed: Feed } | null = null;
  /** Set when the server ended this connection. */
  closed = false;

  readonly server: RequestSocket;

  constructor(address = '127.0.0.1') {
    const conn: RequestConnection = {
      watch: (stageId, feed) => void (this.watching = { stageId, feed }),
      feed: () => this.watching?.feed ?? null,
      join: () => undefined,
      leave: () => undefined,
      data: {},
      onClose: () => undefined,
    };
    this.server = { on: (event, handler) => void this.handlers.set(event, handler), address, conn, close: () => void (this.closed = true) };
  }

  /** Queues a request; the promise settles once the test delivers it. */
  send<E extends WireRequest>(event: E, req: Payload<E>): Promise<Ack<Replies[E]>> {
    return new Promise((resolve) => this.outbox.push({ event, req, ack: resolve as (r: Ack<unknown>) => void }));
  }

  get pending(): number {
    return this.outbox.length;
  }

  /** Delivers the oldest queued request to the server (which answers at once, as socket.io would). */
  deliverOne(): void {
    const q = this.outbox.shift();
    if (!q) throw new Error('nothing to deliver');
    const handler = this.handlers.get(q.event);
    if (!handler) throw new Error(`no handler for ${q.event}`);
    handler(q.req, q.ack);
  }

  /** Delivers everything queued, oldest first. */
  deliverAll(): void {
    while (this.outbox.length > 0) this.deliverOne();
  }

  /** Called by the hub on every stage change: queued for this client if it watches that stage. */
  push(stageId: string, snapshot: Snapshot): void {
    if (this.watching?.stageId !== stageId) return;
    this.inbox.push(this.watching.feed === 'run' ? { event: 'run', data: runStateOf(snapshot) } : { event: 'state', data: snapshot });
  }
}
