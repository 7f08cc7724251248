// Tukey boxes for the sweep view: one box per category of a param, the spread of a metric
// across the runs that share it.

export interface BoxStats {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  whiskerLo: number;
  whiskerHi: number;
  outliers: readonly number[];
}

/** Quantile p of sorted values by linear interpolation between order statistics (R type 7). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? NaN;
  const b = sorted[lo + 1];
  const fraction = h - lo;
  if (fraction === 0 || b === undefined) return a;
  // b - a overflows for values near ±Number.MAX_VALUE; the weighted form does not.
  const span = b - a;
  const value = Number.isFinite(span) ? a + fraction * span : a * (1 - fraction) + b * fraction;
  // Rounding must not step outside [a, b], or q1 ≤ median ≤ q3 could fail by an ulp.
  return Math.min(b, Math.max(a, value));
}

/** Tukey box of the finite values (quantiles by linear interpolation, R type 7; whiskers at the furthest values within 1.5 IQR); undefined when there is none. */
export function boxStats(values: readonly number[]): BoxStats | undefined {
  // `+ 0` turns -0 into 0, so the result does not depend on which of the two sorted first.
  const sorted = values
    .filter((v) => Number.isFinite(v))
    .map((v) => v + 0)
    .sort((a, b) => a - b);
  const [min, max] = [sorted[0], sorted.at(-1)];
  if (min === undefined || max === undefined) return undefined;
  const q1 = quantile(sorted, 0.25);
  const median = quantile(sorted, 0.5);
  const q3 = quantile(sorted, 0.75);
  const reach = 1.5 * (q3 - q1);
  const fenceLo = q1 - reach;
  const fenceHi = q3 + reach;
  const inside = sorted.filter((v) => v >= fenceLo && v <= fenceHi);
  // With few values the nearest value inside a fence can lie beyond the box edge ([0, 100, 100,
  // 100]: q1 = 75, the whisker's value 100); the whisker then stops at the box, as matplotlib's do.
  const whiskerLo = Math.min(q1, inside[0] ?? q1);
  const whiskerHi = Math.max(q3, inside.at(-1) ?? q3);
  return {
    count: sorted.length,
    min,
    q1,
    median,
    q3,
    max,
    whiskerLo,
    whiskerHi,
    outliers: sorted.filter((v) => v < fenceLo || v > fenceHi),
  };
}
