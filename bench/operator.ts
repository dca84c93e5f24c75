import { io, type Socket } from 'socket.io-client';
import type { Command } from '../shared/model/action.schema.ts';
import { PROTOCOL_VERSION, type Ack, type ClientToServerEvents, type RunState, type ServerToClientEvents } from '../shared/protocol.ts';
import { monoMs } from './protocol.ts';

type OperatorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type Operator = {
  send(command: Command): Promise<{ ok: boolean; rttMs: number; code?: string; version?: number; benchSentAt?: number }>;
  close(): void;
};

export async function login(url: string, password: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
  if (!r.ok) throw new Error(`login failed: ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

/** The MC: one authenticated socket that quotes the version it last saw, as the console does. */
export async function operator(url: string, token: string | undefined): Promise<Operator> {
  const s: OperatorSocket = io(url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, ...(token ? { token } : {}) }, forceNew: true, reconnection: false });
  await new Promise<void>((res, rej) => {
    const t = setTimeout(() => rej(new Error('operator could not connect')), 10_000);
    s.once('connect', () => {
      clearTimeout(t);
      res();
    });
  });
  let version = await new Promise<number>((res) => s.emit('stage:watch', {}, (r: Ack<RunState>) => res(r.ok ? r.data.version : 0)));
  return {
    send: (command) =>
      new Promise((res) => {
        const t0 = monoMs();
        s.timeout(30_000).emit('control', { expectedVersion: version, command }, (err: Error | null, r: Ack<RunState>) => {
          const rttMs = monoMs() - t0;
          if (err) return res({ ok: false, rttMs, code: 'timeout' });
          if (!r.ok) return res({ ok: false, rttMs, code: r.error.code });
          version = r.data.version;
          res({ ok: true, rttMs, version, ...(r.data.benchSentAt === undefined ? {} : { benchSentAt: r.data.benchSentAt }) });
        });
      }),
    close: () => s.close(),
  };
}

/** Start, then pause and resume in turn: every action is accepted and changes the snapshot. */
export function actionAt(i: number): Command {
  return i % 2 === 0 ? { type: 'pause' } : { type: 'resume' };
}
