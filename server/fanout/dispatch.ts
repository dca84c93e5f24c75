import type { Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { LIVE_PATH } from '../live/live.endpoint.ts';

/** A client that opens a connection and sends nothing is dropped after this long. */
const FIRST_BYTES_TIMEOUT_MS = 30_000;

/**
 * True for the first bytes of a new websocket on the audience path: `GET /live/?…transport=websocket`
 * with an Upgrade header and no session id (a session that began with long polling stays here).
 */
export function isNewLiveWebsocket(head: Buffer): boolean {
  const text = head.toString('latin1', 0, Math.min(head.length, 8192));
  const lineEnd = text.indexOf('\r\n');
  // The whole request must be in hand: a websocket upgrade has no body and the client sends nothing
  // more until it is answered, so nothing can be left behind in this process.
  if (lineEnd < 0 || !text.endsWith('\r\n\r\n')) return false;
  const m = /^GET (\S+) HTTP\/1\.1$/.exec(text.slice(0, lineEnd));
  if (!m) return false;
  let url: URL;
  try {
    url = new URL(m[1] ?? '/', 'http://x');
  } catch {
    return false;
  }
  return (
    url.pathname === `${LIVE_PATH}/` &&
    url.searchParams.get('transport') === 'websocket' &&
    !url.searchParams.has('sid') &&
    /\r\nupgrade:[ \t]*websocket[ \t]*\r\n/i.test(text)
  );
}

/**
 * pause() only stops a socket's 'data' events: its handle keeps reading. A handle passed to a
 * worker is closed here only once the worker acknowledges it, and whatever this process reads from
 * it meanwhile is thrown away, such as a phone's socket.io CONNECT sent right after the websocket
 * opened. So reading stops at the kernel until this process or the worker reads the rest;
 * `reading = false` is what lets a later resume() start it again (as net.Socket does for itself).
 */
function stopReading(socket: Socket): void {
  const handle = (socket as unknown as { _handle?: { reading?: boolean; readStop?: () => number } | null })._handle;
  if (!handle?.readStop) return;
  handle.reading = false;
  handle.readStop();
}

/**
 * The listening socket when fan-out workers run: reads the first bytes of each connection, hands new
 * audience websockets to a worker and everything else (pages, API, consoles, long polling) to the
 * main HTTP server, which then reads the connection as if it had accepted it itself.
 */
export function dispatchingServer(http: HttpServer, handOver: (socket: Socket, head: Buffer) => boolean): Server {
  const serveHere = (socket: Socket, head: Buffer) => {
    http.emit('connection', socket);
    socket.emit('data', head);
    socket.resume();
  };
  return createServer({ pauseOnConnect: true }, (socket) => {
    const drop = () => socket.destroy();
    const timer = setTimeout(drop, FIRST_BYTES_TIMEOUT_MS);
    socket.once('error', drop);
    socket.once('end', drop);
    socket.once('data', (head: Buffer) => {
      clearTimeout(timer);
      socket.pause();
      stopReading(socket);
      socket.off('error', drop);
      socket.off('end', drop);
      if (!(isNewLiveWebsocket(head) && handOver(socket, head))) serveHere(socket, head);
    });
    socket.resume();
  });
}
