// Min / average / max of a group's metric values. NaN and ±Infinity are counted apart and left
// out of the numbers, so one diverged run does not turn a whole group's average into NaN.

export interface SummaryStats {
  min: number;
  max: number;
  mean: number;
  /** Finite values summarised. */
  count: number;
  /** NaN or infinite values left out. */
  skipped: number;
}

export function summarize(values: Iterable<number>): SummaryStats | undefined {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  let skipped = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) {
      skipped += 1;
      continue;
    }
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
    count += 1;
  }
  if (count === 0 && skipped === 0) return undefined;
  return count === 0 ? { min: NaN, max: NaN, mean: NaN, count, skipped } : { min, max, mean: sum / count, count, skipped };
}
