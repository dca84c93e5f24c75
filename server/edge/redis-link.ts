import type { RedisClientType } from 'redis';

export type RedisLink = {
  client: RedisClientType;
  /** Runs on every (re)connection, the first included: whatever Redis lost while it was away is written again here. */
  onReady(fn: () => void): void;
  up(): boolean;
  close(): Promise<void>;
};

/** Waits between reconnection attempts: quick at first, then once a second for as long as Redis is away. */
const retryDelay = (attempt: number) => Math.min(100 * attempt, 1000);

/**
 * One Redis client for a primary or an edge (REDIS_URL). It retries for ever and queues commands
 * while Redis is away; an outage is logged once when it starts and once when it ends, not once per
 * retry or per socket. Never awaited at start: a primary serves its consoles without Redis.
 */
export async function redisLink(url: string, role: string): Promise<RedisLink> {
  // Loaded here, not at the top: a server without REDIS_URL never pays for the client's import
  // (a fifth of its start-up time).
  const { createClient } = await import('redis');
  const client: RedisClientType = createClient({ url, socket: { reconnectStrategy: retryDelay, connectTimeout: 5000 } });
  const ready: (() => void)[] = [];
  let up = false;
  let downSince: number | null = null;
  client.on('error', (e: Error) => {
    if (downSince !== null) return;
    downSince = Date.now();
    up = false;
    console.error(`${role}: Redis at ${redacted(url)} unreachable (${e.message}); serving the last state and retrying`);
  });
  client.on('ready', () => {
    up = true;
    if (downSince !== null) console.log(`${role}: Redis back after ${((Date.now() - downSince) / 1000).toFixed(1)} s`);
    downSince = null;
    for (const fn of ready) fn();
  });
  client.connect().catch(() => undefined); // 'error' reports it; the client keeps retrying
  return {
    client,
    onReady: (fn) => {
      ready.push(fn);
      if (up) fn();
    },
    up: () => up,
    close: async () => {
      if (client.isOpen) await client.quit().catch(() => undefined);
    },
  };
}

/** REDIS_URL as it may be printed: without a password. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'REDIS_URL (unparsable)';
  }
}
