import type { IncomingMessage, Server as HttpServer } from 'node:http';

/** Open TCP connections one address may hold: consoles, screens and a few tabs need far fewer. */
export const CONNECTIONS_PER_ADDRESS = 128;
/** A request whose headers have not all arrived after this long is dropped (a half-sent request). */
export const HEADERS_TIMEOUT_MS = 10_000;
/** Bodies up to 10 MB (a plan document) over a slow link; anything slower is dropped. */
export const REQUEST_TIMEOUT_MS = 120_000;

/**
 * The door of the HTTP server, before any parsing: at most `perAddress` open connections from one
 * address (a script opening thousands of idle sockets would exhaust the file limit and lock the crew
 * out), and no connection may dawdle over its request headers.
 */
export function limitConnections(http: HttpServer, perAddress = CONNECTIONS_PER_ADDRESS): void {
  http.headersTimeout = HEADERS_TIMEOUT_MS;
  http.requestTimeout = REQUEST_TIMEOUT_MS;
  const open = new Map<string, number>();
  const started = (req: IncomingMessage) => req.socket.setTimeout(0);
  http.on('request', started);
  http.on('upgrade', started);
  http.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const n = (open.get(address) ?? 0) + 1;
    if (n > perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, n);
    // A connection that never completes its first request's headers (idle, or half a header) is
    // closed; once a request or websocket upgrade begins, the protocol's own timeouts take over.
    socket.setTimeout(HEADERS_TIMEOUT_MS, () => socket.destroy());
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
