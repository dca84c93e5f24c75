import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import { liveEndpoint, type LiveEndpoint } from '../live/live.endpoint.ts';
import type { FromWorker, ToWorker } from './messages.ts';

/**
 * A fan-out worker: holds audience websockets handed over by the main process and sends them every
 * change it is told about. No store, no programme edits, no control: if the main process goes, so
 * does the worker, and its phones reconnect to whatever serves the port next.
 */
export function runFanoutWorker(): void {
  const http = createServer((_req, res) => res.writeHead(404).end());
  let live: LiveEndpoint | null = null;
  const send = (m: FromWorker) => process.send?.(m);

  process.on('message', (m: ToWorker, handle?: Socket) => {
    switch (m.t) {
      case 'init':
        live = liveEndpoint(http, { programme: m.programme, states: [], transports: ['websocket'] });
        for (const s of m.snapshots) live.stageChanged(s);
        return;
      case 'programme':
        live?.programmeChanged(m.programme);
        return;
      case 'state':
        live?.stageChanged(m.snapshot);
        return;
      case 'conn':
        if (!handle) return;
        // Replays the bytes the main process already read, then lets the HTTP server read on.
        http.emit('connection', handle);
        handle.emit('data', Buffer.from(m.head, 'latin1'));
        handle.resume();
        send({ t: 'took', id: m.id });
        return;
    }
  });
  // The main process died or closed the channel: the audience reconnects to its successor.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => undefined); // Ctrl-C reaches the whole group; the main process decides.
  send({ t: 'ready' });
}
