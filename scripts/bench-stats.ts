/** Summaries of benchmark samples. */

const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** The middle value; the mean of the two middle ones for an even count. NaN for no samples. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = ascending(values);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Nearest-rank percentile: the smallest sample with at least `p`% of the samples at or below it,
 * so it is always a value that was measured. NaN for no samples.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = ascending(values);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Rounded for reports: samples are not more precise than this. */
export const round = (value: number, digits = 1) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

export type Distribution = { count: number; mean: number; p50: number; p90: number; p99: number; p999: number; max: number };

/** A summary of many samples (thousands of request timings), where keeping each one would say no more. */
export function distribution(values: readonly number[], digits = 3): Distribution {
  const sorted = ascending(values);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    mean: round(sorted.length ? sum / sorted.length : Number.NaN, digits),
    p50: round(percentile(sorted, 50), digits),
    p90: round(percentile(sorted, 90), digits),
    p99: round(percentile(sorted, 99), digits),
    p999: round(percentile(sorted, 99.9), digits),
    max: round(sorted.at(-1) ?? Number.NaN, digits),
  };
}
