// Decimation to the chart's pixel width that keeps every extreme: the x range is cut into one
// bucket per pixel and each bucket keeps its minimum and maximum (a min/max envelope), so a
// one-step spike among 100,000 steps is still drawn. mlflow ui samples 320 points per run and
// can miss such a spike entirely.
import { indexRange, type SeriesColumns } from './types.ts';

export interface EnvelopeBucket {
  /** The bucket's x: the x of its first finite point, so a bucket of one point is drawn exactly there. */
  x: number;
  min: number;
  max: number;
  /** The last finite value in the bucket (what a line through the envelope follows). */
  last: number;
  /** Points in the bucket, NaN and infinite ones included. */
  count: number;
}

/** A bucket with no finite value: drawn as a gap. */
export interface GapBucket {
  x: number;
  gap: true;
}

export type Bucket = EnvelopeBucket | GapBucket;

export const isGap = (bucket: Bucket): bucket is GapBucket => 'gap' in bucket;

/**
 * A series sorted by x → at most `buckets` buckets over [x0, x1]. When there are no more points
 * than buckets every point is its own bucket (nothing is merged). Non-finite values never
 * reach min/max; a bucket holding only them becomes a gap. One pass over the columns in the
 * domain (found by binary search), so a million points take milliseconds.
 */
export function minMaxEnvelope(series: SeriesColumns, buckets: number, domain?: readonly [number, number]): Bucket[] {
  const { xs, ys } = series;
  const [from, to] = indexRange(xs, domain);
  const count = to - from;
  if (count <= 0) return [];
  const x0 = domain?.[0] ?? (xs[from] as number);
  const x1 = domain?.[1] ?? (xs[to - 1] as number);
  const n = Math.max(1, Math.floor(buckets));
  const width = (x1 - x0) / n;
  const everyPoint = count <= n || width <= 0;
  const out: Bucket[] = [];
  let index = -1;
  let x = 0;
  let min = Infinity;
  let max = -Infinity;
  let last = NaN;
  let finite = 0;
  let bucketCount = 0;
  const flush = () => {
    if (index >= 0) out.push(finite > 0 ? { x, min, max, last, count: bucketCount } : { x, gap: true });
  };
  for (let i = from; i < to; i++) {
    const px = xs[i] as number;
    const py = ys[i] as number;
    const at = everyPoint ? i : Math.min(n - 1, Math.floor((px - x0) / width));
    if (at !== index) {
      flush();
      index = at;
      x = px;
      min = Infinity;
      max = -Infinity;
      last = NaN;
      finite = 0;
      bucketCount = 0;
    }
    bucketCount += 1;
    if (py - py === 0) {
      // Finite (NaN - NaN and Infinity - Infinity are NaN).
      if (finite === 0) x = px;
      finite += 1;
      if (py < min) min = py;
      if (py > max) max = py;
      last = py;
    }
  }
  flush();
  return out;
}
