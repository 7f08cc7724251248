// From metric histories to what a chart draws: x chosen (step, wall time, relative time), the
// visible x range, a min/max envelope per run at the chart's resolution, the line (smoothed or
// not) decimated the same way, and the y range. The raw points stay available for hover and
// CSV, which always use every logged value.
import { isGap, minMaxEnvelope } from './decimate.ts';
import { emaSmooth } from './smooth.ts';
import type { SeriesPoint } from './types.ts';
import { yDomain, type YScale } from './y-domain.ts';

export type XAxisKind = 'step' | 'time' | 'relative';

export interface HistoryPoint {
  step: number;
  /** The step's digits when it is past 2^53 (`step` is then rounded). */
  exactStep?: string | undefined;
  timestamp: number;
  value: number;
}

export interface RunHistory {
  runId: string;
  name: string;
  color: string;
  /** Run start (ms), the origin of relative time; the first point's time when unknown. */
  startTime?: number | undefined;
  points: readonly HistoryPoint[];
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
  points: SeriesPoint[];
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

export function toSeriesPoints(history: RunHistory, xAxis: XAxisKind): SeriesPoint[] {
  const origin = history.startTime ?? history.points.reduce((min, p) => Math.min(min, p.timestamp), Infinity);
  const points = history.points.map((p): SeriesPoint => {
    if (xAxis === 'step') return p.exactStep === undefined ? { x: p.step, y: p.value } : { x: p.step, y: p.value, exactX: p.exactStep };
    return { x: xAxis === 'time' ? p.timestamp : (p.timestamp - origin) / 1000, y: p.value };
  });
  // Histories come sorted by step; wall time may disagree (a resumed run).
  return xAxis === 'step' ? points : points.sort((a, b) => a.x - b.x);
}

const drawable = (y: number, scale: YScale) => Number.isFinite(y) && (scale === 'linear' || y > 0);

export function buildChartData(histories: readonly RunHistory[], options: ChartOptions): ChartData {
  const all = histories.map((h) => ({ history: h, points: toSeriesPoints(h, options.xAxis) }));
  let xDomain: [number, number] | undefined;
  for (const { points } of all) {
    if (points.length === 0) continue;
    const first = (points[0] as SeriesPoint).x;
    const last = (points[points.length - 1] as SeriesPoint).x;
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
export function nearestPoint(points: readonly SeriesPoint[], x: number): SeriesPoint | undefined {
  if (points.length === 0) return undefined;
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((points[mid] as SeriesPoint).x < x) low = mid + 1;
    else high = mid;
  }
  const after = points[low] as SeriesPoint;
  const before = points[low - 1];
  return before && x - before.x <= after.x - x ? before : after;
}
