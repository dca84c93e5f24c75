import { afterAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { useTestServer } from '../support/server.ts';

/**
 * A display client written from docs/protocol.md alone: plain socket.io-client and JSON, none of
 * our code. It follows the run feed and computes the countdown by the documented recipe.
 */
// JSON as a third party reads it, unchecked.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point: no types from our code
type Json = Record<string, any>;

const sockets: Socket[] = [];
const server = useTestServer();
afterAll(() => sockets.forEach((s) => s.close()));

function open(auth: Json): Promise<{ socket: Socket; programme: Json }> {
  const socket = io(server.url, { transports: ['websocket'], auth: { protocol: 1, ...auth }, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve) => socket.once('programme', (programme: Json) => resolve({ socket, programme })));
}

/** The recipe of "Run state" + "Computing the countdown", word for word. */
function countdown(state: Json, programme: Json, now: number): number | null {
  const run = state.run;
  const a = run.cursorId === null ? undefined : run.actuals[run.cursorId];
  if (!a || a.end !== null) return null;
  const line = programme.plan.lines[`${run.dayId}/${state.stageId}`] as Json[];
  const durationMs = line.find((l) => l.id === run.cursorId)!.durationMs as number;
  const elapsed = (a.pausedAt ?? now) - a.start - a.pausedMs;
  return durationMs + (a.addedMs as number) - elapsed;
}

describe('docs/protocol.md, run feed', () => {
  it('gives a client without our engine the same countdown as the snapshot', async () => {
    const { socket: display, programme } = await open({});
    const { socket: mc } = await open({ token: server.token });
    const watched = await display.emitWithAck('stage:watch', { feed: 'run' });
    expect(watched.ok).toBe(true);
    let state = watched.data as Json;
    display.on('run', (s: Json) => {
      if (s.version > state.version) state = s;
    });
    const commands = [{ type: 'start' }, { type: 'add-time', ms: 90_000 }, { type: 'pause' }, { type: 'resume' }, { type: 'next' }, { type: 'add-time', ms: -30_000 }, { type: 'pause' }];
    for (const command of commands) {
      const r = await mc.emitWithAck('control', { command, expectedVersion: state.version });
      expect(r.ok).toBe(true);
      const snap = r.data as Json;
      await expect.poll(() => state.version).toBe(snap.version);
      expect(countdown(state, programme, snap.serverTime)).toBe(snap.remainingMs);
      expect(state.run.cursorId).toBe(snap.currentId);
    }
  });
});
