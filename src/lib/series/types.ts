/** One logged value of a metric. x is the step, the wall time or the relative time, as chosen. */
export interface SeriesPoint {
  x: number;
  /** NaN and ±Infinity are kept: they are gaps when drawn, and counted. */
  y: number;
  /** x's digits when x is a step past 2^53 that a double rounds: shown instead of x. */
  exactX?: string;
}
