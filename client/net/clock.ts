/** One round trip: client send time, server time, client receive time (all epoch ms). */
export type ClockSample = { t0: number; server: number; t1: number };

export type ClockEstimate = { offsetMs: number; rttMs: number };

/**
 * NTP-style: the server stamped its clock somewhere inside the round trip; assuming the middle,
 * offset = server − (t0 + t1) / 2. The sample with the smallest round trip bounds the error best
 * (error ≤ rtt / 2), so it wins.
 */
export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockSample | null = null;
  for (const s of samples) if (s.t1 >= s.t0 && (!best || s.t1 - s.t0 < best.t1 - best.t0)) best = s;
  if (!best) return null;
  return { offsetMs: best.server - (best.t0 + best.t1) / 2, rttMs: best.t1 - best.t0 };
}

/** Keeps the most recent samples so a changed network path (or a corrected server clock) is followed. */
export function addSample(samples: readonly ClockSample[], s: ClockSample, keep = 12): ClockSample[] {
  return [...samples, s].slice(-keep);
}
