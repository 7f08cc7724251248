// A chart's plotted values as rows of a table: its text alternative. A series the chart draws
// point by point gives every logged point in view; a long one that the chart decimates gives
// the buckets it draws (x, the line's value, the bucket's min and max), so the table says what
// the picture says, spikes included, in a few hundred rows instead of 100,000.
import type { ChartSeries } from './chart-data.ts';
import { finiteRange } from './history-columns.ts';
import { indexRange } from './types.ts';

export interface ChartTableRow {
  x: number;
  /** x's digits when it is a step past 2^53 (see SeriesPoint). */
  exactX?: string | undefined;
  /** The logged value; for a bucket, the last one, where the line is drawn (null: a gap). Absent for smoothed buckets. */
  value?: number | null;
  /** The smoothed line's value, when smoothing is on (null: a gap). */
  smoothed?: number | null;
  /** A bucket's extremes: every logged value in it lies between them. */
  min?: number;
  max?: number;
}

export interface ChartTable {
  runId: string;
  name: string;
  /** Logged points within the chart's x range. */
  logged: number;
  /** Rows are the chart's buckets rather than the logged points. */
  decimated: boolean;
  rows: ChartTableRow[];
}

export function chartTable(series: ChartSeries, xDomain: readonly [number, number] | undefined): ChartTable {
  const { xs, ys, exactX } = series.points;
  const [from, to] = indexRange(xs, xDomain);
  const inView = to - from;
  const decimated = series.envelope.length < inView;
  const base = { runId: series.runId, name: series.name, logged: inView, decimated };
  if (!decimated) {
    // One bucket per point: the line's i-th datum is the i-th point's (smoothed) value.
    const rows: ChartTableRow[] = [];
    for (let i = 0; i < inView; i++) {
      const x = xs[from + i] as number;
      const value = ys[from + i] as number;
      const row: ChartTableRow = series.smoothed ? { x, value, smoothed: series.line[i]?.y ?? null } : { x, value };
      const exact = exactX?.get(from + i);
      if (exact !== undefined) row.exactX = exact;
      rows.push(row);
    }
    return { ...base, rows };
  }
  const rows = series.envelope.map((bucket, i): ChartTableRow => {
    const drawn = series.line[i]?.y ?? null;
    const row: ChartTableRow = series.smoothed ? { x: bucket.x, smoothed: drawn } : { x: bucket.x, value: drawn };
    if (bucket.range) {
      row.min = bucket.range[0];
      row.max = bucket.range[1];
    }
    return row;
  });
  return { ...base, rows };
}

/** The smallest and largest finite logged value in view across the series: for a chart's description. */
export function finiteValueRange(
  series: readonly ChartSeries[],
  xDomain: readonly [number, number] | undefined,
): [number, number] | undefined {
  let low = Infinity;
  let high = -Infinity;
  for (const s of series) {
    const range = finiteRange(s.points.ys, ...indexRange(s.points.xs, xDomain));
    if (!range) continue;
    low = Math.min(low, range[0]);
    high = Math.max(high, range[1]);
  }
  return low <= high ? [low, high] : undefined;
}
