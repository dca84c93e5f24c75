import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { Server, type Socket } from 'socket.io';

/**
 * The yardstick: a bare socket.io server that speaks the same events with payloads of the same
 * size (a real run state and programme recorded by the bench), with no validation, store or engine.
 */
type Ack = (r: unknown) => void;
const state = JSON.parse(readFileSync(process.env.BASELINE_STATE ?? '', 'utf8')) as Record<string, unknown>;
const programme = JSON.parse(readFileSync(process.env.BASELINE_PROGRAMME ?? '', 'utf8')) as unknown;
const monoMs = () => Number(process.hrtime.bigint()) / 1e6;
const http = createServer();
// The audience on its own path as with ours; the operator on the default one.
const io = new Server(http, { serveClient: false, path: '/live' });
const ops = new Server(http, { serveClient: false });
let version = 0;

const common = (socket: Socket) => {
  socket.emit('programme', programme);
  socket.on('stage:watch', (_req: unknown, ack: Ack) => {
    void socket.join('stage');
    ack({ ok: true, data: { ...state, version } });
  });
  socket.on('clock:ping', (req: { t0: number }, ack: Ack) => ack({ ok: true, data: { t0: req.t0, serverTime: Date.now() } }));
};
io.on('connection', common);
ops.on('connection', (socket) => {
  common(socket);
  socket.on('control', (_req: unknown, ack: Ack) => {
    const receivedAt = monoMs();
    const next = { ...state, version: ++version, serverTime: Date.now(), benchSentAt: receivedAt };
    io.to('stage').emit('run', next);
    ack({ ok: true, data: next });
  });
});
http.listen(0, '127.0.0.1', () => {
  const addr = http.address();
  console.log(`READY ${typeof addr === 'object' && addr ? addr.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
