import { createServer } from 'node:net';

/** A loopback port nobody listens on right now (for a server that must come back on the same one). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** Polls `ok` every 20 ms; after `ms` fails with `what` and, if given, what `diagnose` reports. */
export async function until(what: string, ok: () => boolean, ms = 15_000, diagnose?: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${diagnose ? `\n${diagnose()}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
