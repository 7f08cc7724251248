// From metric histories to what a chart draws: x chosen (step, wall time, relative time), the
// visible x range, a min/max envelope per run at the chart's resolution, the line (smoothed or
// not) decimated the same way, and the y range. The raw points stay available for hover and
// CSV, which always use every logged value.
import { isGap, minMaxEnvelope } from './decimate.ts';
import type { MetricColumns } from './history-columns.ts';
import { emaSmooth } from './smooth.ts';
import { lowerBound, seriesPointAt, type SeriesColumns, type SeriesPoint } from './types.ts';
import { yDomain, type YScale } from './y-domain.ts';

export type XAxisKind = 'step' | 'time' | 'relative';

export interface RunHistory {
  runId: string;
  name: string;
  color: string;
  /** Run start (ms), the origin of relative time; the first point's time when unknown. */
  startTime?: number | undefined;
  /** Every logged point, as columns (history-columns.ts). */
  points: MetricColumns;
}

export interface ChartOptions {
  xAxis: XAxisKind;
  yScale: YScale;
  /** EMA weight in [0, 1). */
  smoothing: number;
  ignoreOutliers: boolean;
  zoom?: readonly [number, number] | undefined;
  /** Buckets per run: about one per two pixels of plot width. */
  buckets: number;
}

/** null marks a gap (recharts breaks the line there). */
export interface EnvelopeDatum {
  x: number;
  range: [number, number] | null;
}
export interface LineDatum {
  x: number;
  y: number | null;
}

export interface ChartSeries {
  runId: string;
  name: string;
  color: string;
  /** Every point, x chosen, sorted by x: for hover and export. */
  points: SeriesColumns;
  envelope: EnvelopeDatum[];
  line: LineDatum[];
  /** The raw faint line behind a smoothed one. */
  smoothed: boolean;
}

export interface ChartData {
  series: ChartSeries[];
  xDomain: [number, number] | undefined;
  yDomain: [number, number] | undefined;
  /** Points drawn, for the point budget. */
  drawnPoints: number;
}

/**
 * A history with the chosen x, sorted by x. By step, the history's own arrays (no copy: they
 * are sorted by step already); by time, its timestamps, or seconds since the run started.
 */
export function toSeriesPoints(history: RunHistory, xAxis: XAxisKind): SeriesColumns {
  const { steps, timestamps, values, exactSteps } = history.points;
  if (xAxis === 'step') return { xs: steps, ys: values, exactX: exactSteps };
  let xs = timestamps;
  if (xAxis === 'relative') {
    let origin = history.startTime ?? Infinity;
    if (history.startTime === undefined) for (const t of timestamps) if (t < origin) origin = t;
    xs = new Float64Array(timestamps.length);
    for (let i = 0; i < xs.length; i++) xs[i] = ((timestamps[i] as number) - origin) / 1000;
  }
  // Histories come sorted by step; wall time may disagree (a resumed run).
  return isAscending(xs) ? { xs, ys: values } : sortByX(xs, values);
}

function isAscending(xs: Float64Array): boolean {
  for (let i = 1; i < xs.length; i++) if ((xs[i - 1] as number) > (xs[i] as number)) return false;
  return true;
}

function sortByX(xs: Float64Array, ys: Float64Array): SeriesColumns {
  // Stable: points at one x keep their step order.
  const order = Uint32Array.from({ length: xs.length }, (_, i) => i).sort((a, b) => (xs[a] as number) - (xs[b] as number) || a - b);
  return { xs: Float64Array.from(order, (i) => xs[i] as number), ys: Float64Array.from(order, (i) => ys[i] as number) };
}

const drawable = (y: number, scale: YScale) => Number.isFinite(y) && (scale === 'linear' || y > 0);

export function buildChartData(histories: readonly RunHistory[], options: ChartOptions): ChartData {
  const all = histories.map((h) => ({ history: h, points: toSeriesPoints(h, options.xAxis) }));
  let xDomain: [number, number] | undefined;
  for (const { points } of all) {
    if (points.xs.length === 0) continue;
    const first = points.xs[0] as number;
    const last = points.xs[points.xs.length - 1] as number;
    xDomain = xDomain ? [Math.min(xDomain[0], first), Math.max(xDomain[1], last)] : [first, last];
  }
  if (options.zoom && xDomain) xDomain = [options.zoom[0], options.zoom[1]];
  const ys: number[] = [];
  let drawnPoints = 0;
  const series = all.map(({ history, points }) => {
    const buckets = minMaxEnvelope(points, options.buckets, xDomain);
    const envelope: EnvelopeDatum[] = buckets.map((b) => {
      if (isGap(b)) return { x: b.x, range: null };
      const low = options.yScale === 'log' && b.min <= 0 ? (b.max > 0 ? b.max : NaN) : b.min;
      if (!drawable(b.max, options.yScale) || !drawable(low, options.yScale)) return { x: b.x, range: null };
      ys.push(low, b.max);
      return { x: b.x, range: [low, b.max] };
    });
    const smoothed = options.smoothing > 0;
    const lineSource = smoothed ? minMaxEnvelope(emaSmooth(points, options.smoothing), options.buckets, xDomain) : buckets;
    const line: LineDatum[] = lineSource.map((b) => ({ x: b.x, y: isGap(b) || !drawable(b.last, options.yScale) ? null : b.last }));
    drawnPoints += envelope.length * 2 + line.length;
    return { runId: history.runId, name: history.name, color: history.color, points, envelope, line, smoothed };
  });
  return { series, xDomain, yDomain: yDomain(ys, { ignoreOutliers: options.ignoreOutliers, scale: options.yScale }), drawnPoints };
}

/** The logged point nearest to x (by x), for hover: exact values, never a bucket's. */
export function nearestPoint(points: SeriesColumns, x: number): SeriesPoint | undefined {
  const { xs } = points;
  if (xs.length === 0) return undefined;
  const after = Math.min(lowerBound(xs, x), xs.length - 1);
  const before = after - 1;
  return before >= 0 && x - (xs[before] as number) <= (xs[after] as number) - x
    ? seriesPointAt(points, before)
    : seriesPointAt(points, after);
}
