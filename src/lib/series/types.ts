/** One logged value of a metric. x is the step, the wall time or the relative time, as chosen. */
export interface SeriesPoint {
  x: number;
  /** NaN and ±Infinity are kept: they are gaps when drawn, and counted. */
  y: number;
  /** x's digits when x is a step past 2^53 that a double rounds: shown instead of x. */
  exactX?: string;
}

/**
 * A series as two columns (lib/series/history-columns.ts says why): every logged value, sorted by
 * x, for drawing, hover and export. With x = step, `xs` is the history's own steps array.
 */
export interface SeriesColumns {
  /** Ascending. */
  readonly xs: Float64Array;
  /** NaN and ±Infinity are kept. */
  readonly ys: Float64Array;
  /** Index → x's digits when x is a step past 2^53. */
  readonly exactX?: ReadonlyMap<number, string> | undefined;
}

export function seriesColumns(points: readonly SeriesPoint[]): SeriesColumns {
  const exactX = new Map<number, string>();
  points.forEach((p, i) => p.exactX !== undefined && exactX.set(i, p.exactX));
  return { xs: Float64Array.from(points, (p) => p.x), ys: Float64Array.from(points, (p) => p.y), exactX };
}

export function seriesPointAt(series: SeriesColumns, i: number): SeriesPoint {
  const point: SeriesPoint = { x: series.xs[i] as number, y: series.ys[i] as number };
  const exact = series.exactX?.get(i);
  if (exact !== undefined) point.exactX = exact;
  return point;
}

/** The first index whose value does not satisfy `before` (xs ascending, `before` true for a prefix). */
function partitionPoint(xs: Float64Array, before: (value: number) => boolean): number {
  let low = 0;
  let high = xs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(xs[mid] as number)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first index whose x is ≥ `x` (xs ascending). */
export const lowerBound = (xs: Float64Array, x: number): number => partitionPoint(xs, (value) => value < x);

/** The first index whose x is > `x` (xs ascending). */
export const upperBound = (xs: Float64Array, x: number): number => partitionPoint(xs, (value) => value <= x);

/** The index range [from, to) of the points inside a domain (all of them without one). */
export function indexRange(xs: Float64Array, domain?: readonly [number, number]): [number, number] {
  return domain ? [lowerBound(xs, domain[0]), Math.max(lowerBound(xs, domain[0]), upperBound(xs, domain[1]))] : [0, xs.length];
}
