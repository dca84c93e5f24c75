import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';

/**
 * A guest's raw socket.io client that joins `path`, then stops reading and sends `count` watches,
 * each asking for an answer: every answer piles up on the server's side.
 */
export async function floodingReader(url: string, path: '/socket.io' | '/live', count: number): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}${path}/?EIO=4&transport=websocket`);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (data) => {
        const text = (data as Buffer).toString();
        if (text.startsWith('0')) ws.send(`40{"protocol":${PROTOCOL_VERSION}}`);
        else if (text.startsWith('40')) resolve();
      });
      ws.on('error', reject);
    });
  } catch (e) {
    ws.terminate();
    throw e;
  }
  ws.removeAllListeners('message');
  ws.on('error', () => undefined);
  // ws offers no way to stop reading; pausing its TCP socket is what a stalled phone does.
  (ws as unknown as { _socket: { pause(): void } })._socket.pause();
  for (let i = 0; i < count; i++) ws.send(`42${i}["stage:watch",{}]`);
  return ws;
}
