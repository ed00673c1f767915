// Order statistics for latency samples (nearest-rank percentiles: p95 of 200 samples is the 190th).

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** n, min, p50, p95, p99, max and mean of a list of numbers (milliseconds, usually), rounded to 0.01. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
  return {
    n: sorted.length,
    min: round(sorted[0]),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  };
}

/** Milliseconds since `start` (a process.hrtime.bigint() value). */
export function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
