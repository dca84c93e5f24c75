import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProgrammePayload } from '../../shared/protocol.ts';
import { LIVE_PATH } from '../live/live.endpoint.ts';
import { createEdge } from './edge.ts';
import { readCopy, type AudienceCopy } from './keys.ts';
import { redacted, redisLink, type RedisLink } from './redis-link.ts';

// `npm run edge`: an audience edge (docs/deploy.md). REDIS_URL, PORT and HOST as for the primary.
const url = process.env.REDIS_URL?.trim();
if (!url) {
  console.error('run-of-show edge: set REDIS_URL (the same Redis as the primary), e.g. REDIS_URL=redis://127.0.0.1:6379');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3101);
const host = process.env.HOST ?? '0.0.0.0';
const root = projectRoot(dirname(fileURLToPath(import.meta.url)));
const clientDir = process.env.CLIENT_DIR ?? join(root, 'dist/client');
const role = `edge ${host}:${port}`;

const link = await redisLink(url, role);
const copy = await firstCopy(link);
const edge = createEdge({
  link,
  copy,
  clientDir,
  ...(process.env.MAX_CONNECTIONS_PER_ADDRESS ? { connectionsPerAddress: Number(process.env.MAX_CONNECTIONS_PER_ADDRESS) } : {}),
});

edge.http.once('error', (e: NodeJS.ErrnoException) => {
  const why = e.code === 'EADDRINUSE' ? `port ${port} is already in use; set PORT to use another` : e.message;
  console.error(`run-of-show edge could not listen on ${host}:${port}: ${why}`);
  process.exit(1);
});
edge.http.listen(port, host, () => {
  const addr = edge.http.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  console.log(`run-of-show edge listening on ${host}:${actual}: ${LIVE_PATH}, /agenda, /healthz; fed through Redis at ${redacted(url)}`);
  // A line the test harness waits for; keep it stable.
  console.log(`READY ${actual}`);
});

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing`);
  edge.http.closeAllConnections();
  void edge.close().finally(() => void link.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

/** The copy the primary keeps in Redis; an edge started before the primary ever ran waits for it. */
async function firstCopy(l: RedisLink): Promise<AudienceCopy & { programme: ProgrammePayload }> {
  let told = false;
  for (;;) {
    if (l.up()) {
      const c = await readCopy(l.client).catch(() => null);
      if (c?.programme) return { ...c, programme: c.programme };
      if (!told) console.log(`${role}: waiting for the primary to publish the programme in Redis`);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}
