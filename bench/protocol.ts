/** Messages between the bench orchestrator (`run.ts`) and its load-generator processes (`viewers.ts`). */
export type ToViewers =
  | { type: 'connect'; url: string; count: number; concurrency: number; deadlineMs: number }
  | { type: 'clock'; sockets: number; pings: number; gapMs: number }
  | { type: 'reset' }
  /** Answer once every viewer has a snapshot at least this new, or after `timeoutMs`. */
  | { type: 'await'; version: number; timeoutMs: number }
  /** Every accepted action: the version it produced and when the server received it (benchSentAt). */
  | { type: 'report'; sent: [version: number, sentAt: number][] }
  | { type: 'close' };

export type FromViewers =
  | { type: 'ready' }
  | { type: 'reset-done' }
  | { type: 'awaited'; missing: number }
  | { type: 'connected'; connected: number; failed: number; ms: number }
  | { type: 'clock'; errorsMs: number[] }
  | { type: 'report'; histogram: string; pairs: number; delivered: number; superseded: number; stale: number; snapshotBytes: number; frameBytes: number; cpuPct: number }
  | { type: 'error'; message: string };

/** From the probe preloaded into a server process (`probe.ts`). */
export type ProbeStats = { heapUsed: number; heapTotal: number; external: number; rss: number; eldP99Ms: number; eldMaxMs: number };

/** CLOCK_MONOTONIC in ms: the same clock the server stamps `benchSentAt` with, in every process on this host. */
export const monoMs = () => Number(process.hrtime.bigint()) / 1e6;
