import { build, decodeFromCompressedBase64, type Histogram } from 'hdr-histogram-js';

export type Percentiles = { p50: number; p95: number; p99: number; max: number; count: number };

/** Merges the load generators' latency histograms (recorded in µs) into percentiles in ms. */
export function mergeHistograms(encoded: string[]): Percentiles {
  const total: Histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  for (const e of encoded) total.add(decodeFromCompressedBase64(e));
  const at = (p: number) => total.getValueAtPercentile(p) / 1000;
  return { p50: at(50), p95: at(95), p99: at(99), max: total.maxValue / 1000, count: total.totalCount };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x));
  return v.length === 0 ? Number.NaN : percentile(v, 50);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
