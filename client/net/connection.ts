import { io } from 'socket.io-client';
import type { Command } from '../../shared/model/action.schema.ts';
import { PROTOCOL_VERSION, type Ack, type RunState } from '../../shared/protocol.ts';
import { sessionEnded } from '../auth/session.ts';
import { clockSync } from './clock-sync.ts';
import { request, type AppSocket } from './request.ts';
import { receiveProgramme, receiveRunState, receiveStageState, setClock, setConnection, showStore } from '../store/show.store.ts';


export type ConnectOptions = {
  stageId?: string | undefined;
  token?: string | undefined;
  url?: string;
  /** Follow every stage too (stages:watch), for views of several stages at once. */
  allStages?: boolean;
};

export type Connection = {
  socket: AppSocket;
  /** Sends a command with the version this screen shows. Refused at once when offline: never queued. */
  control(command: Command): Promise<Ack<RunState>>;
  watch(stageId: string | undefined): void;
  close(): void;
};

export function connect(opts: ConnectOptions = {}): Connection {
  const socket: AppSocket = io(opts.url ?? '/', {
    auth: { protocol: PROTOCOL_VERSION, ...(opts.token ? { token: opts.token } : {}) },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    randomizationFactor: 0.5,
  });
  let stageId = opts.stageId;
  let closed = false;
  const clock = clockSync(socket, (e) => setClock(e.offsetMs, e.rttMs), {
    burst: 8,
    gapMs: 120,
    resyncMs: 15_000,
    timeoutMs: 5000,
  });

  const watch = (id: string | undefined) => {
    stageId = id;
    if (!socket.connected) return;
    // The run alone: this screen derives every figure itself with the shared engine.
    socket.emit('stage:watch', { feed: 'run', ...(id === undefined ? {} : { stageId: id }) }, (r) => {
      if (r.ok) receiveRunState(r.data);
    });
  };

  const stageKey = () => (showStore.getState().programme?.programme.event.stages ?? []).map((s) => s.id).join('/');
  let watchedStages = '';
  const watchAll = () => {
    if (!opts.allStages || !socket.connected) return;
    watchedStages = stageKey();
    socket.emit('stages:watch', {}, (r) => {
      if (r.ok) for (const s of r.data) receiveStageState(s);
    });
  };

  socket.on('connect', () => {
    manualRetries = 0;
    setConnection('online');
    // After any reconnect: the whole state again (the clock sync starts its own burst).
    watch(stageId);
    watchAll();
  });
  // socket.io retries by itself after network failures, but not after the server closed the
  // socket or refused it in a middleware (a restart, an expired token): retry those too.
  let manualRetries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const retryLater = () => {
    clearTimeout(retryTimer);
    const delay = Math.min(5000, 500 * 2 ** manualRetries) * (0.5 + Math.random());
    manualRetries += 1;
    retryTimer = setTimeout(() => {
      if (!closed && !socket.connected) socket.connect();
    }, delay);
  };
  socket.on('disconnect', (reason) => {
    setConnection('offline');
    if (reason === 'io server disconnect') retryLater();
  });
  socket.io.on('reconnect_attempt', () => setConnection('connecting'));
  socket.on('connect_error', () => {
    setConnection('offline');
    if (!socket.active) retryLater();
  });
  socket.on('run', (s) => {
    if (opts.allStages) receiveStageState(s);
    if (stageId === undefined || s.stageId === stageId || showStore.getState().runState?.stageId === s.stageId) receiveRunState(s);
  });
  socket.on('programme', (p) => {
    receiveProgramme(p);
    // A stage added or re-identified since: its run feed is not followed yet.
    if (opts.allStages && stageKey() !== watchedStages) watchAll();
  });
  // Only a socket that logged in hears this; the view then shows why its controls are gone.
  socket.on('session:ended', () => {
    if (opts.token) sessionEnded();
  });

  return {
    socket,
    watch,
    async control(command) {
      const snap = showStore.getState().runState;
      const req = {
        command,
        ...(stageId ? { stageId } : {}),
        ...(snap ? { expectedVersion: snap.version } : {}),
      };
      // This socket watches the run feed, so the answer is the run state alone.
      const r = await request(socket, 'control', req);
      if (r.ok) receiveRunState(r.data);
      return r;
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      clock.stop();
      socket.close();
    },
  };
}
