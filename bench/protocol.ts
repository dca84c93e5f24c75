/** Messages between the bench orchestrator (`run.ts`) and its load-generator processes (`viewers.ts`). */
export type ToViewers =
  | { type: 'connect'; url: string; count: number; concurrency: number; deadlineMs: number }
  | { type: 'clock'; sockets: number; pings: number; gapMs: number }
  | { type: 'reset' }
  | { type: 'report' }
  | { type: 'close' };

export type FromViewers =
  | { type: 'ready' }
  | { type: 'reset-done' }
  | { type: 'connected'; connected: number; failed: number; ms: number }
  | { type: 'clock'; errorsMs: number[] }
  | { type: 'report'; histogram: string; received: number; stale: number; snapshotBytes: number; frameBytes: number; cpuPct: number }
  | { type: 'error'; message: string };

/** From the probe preloaded into a server process (`probe.ts`). */
export type ProbeStats = { heapUsed: number; heapTotal: number; external: number; rss: number; eldP99Ms: number; eldMaxMs: number };

/** CLOCK_MONOTONIC in ms: the same clock the server stamps `benchSentAt` with, in every process on this host. */
export const monoMs = () => Number(process.hrtime.bigint()) / 1e6;
