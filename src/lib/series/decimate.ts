// Decimation to the chart's pixel width that keeps every extreme: the x range is cut into one
// bucket per pixel and each bucket keeps its minimum and maximum (a min/max envelope), so a
// one-step spike among 100,000 steps is still drawn. mlflow ui samples 320 points per run and
// can miss such a spike entirely.
import type { SeriesPoint } from './types.ts';

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
 * Points sorted by x → at most `buckets` buckets over [x0, x1]. When there are no more points
 * than buckets every point is its own bucket (nothing is merged). Non-finite values never
 * reach min/max; a bucket holding only them becomes a gap.
 */
export function minMaxEnvelope(points: readonly SeriesPoint[], buckets: number, domain?: readonly [number, number]): Bucket[] {
  const inDomain = domain ? points.filter((p) => p.x >= domain[0] && p.x <= domain[1]) : points;
  if (inDomain.length === 0) return [];
  const x0 = domain?.[0] ?? (inDomain[0] as SeriesPoint).x;
  const x1 = domain?.[1] ?? (inDomain[inDomain.length - 1] as SeriesPoint).x;
  const n = Math.max(1, Math.floor(buckets));
  const width = (x1 - x0) / n;
  const out: Bucket[] = [];
  let current: (EnvelopeBucket & { index: number; finite: number }) | undefined;
  const flush = () => {
    if (!current) return;
    out.push(
      current.finite > 0
        ? { x: current.x, min: current.min, max: current.max, last: current.last, count: current.count }
        : { x: current.x, gap: true },
    );
    current = undefined;
  };
  const everyPoint = inDomain.length <= n || width <= 0;
  for (let i = 0; i < inDomain.length; i++) {
    const p = inDomain[i] as SeriesPoint;
    const index = everyPoint ? i : Math.min(n - 1, Math.floor((p.x - x0) / width));
    if (!current || current.index !== index) {
      flush();
      current = { index, x: p.x, min: Infinity, max: -Infinity, last: NaN, count: 0, finite: 0 };
    }
    current.count += 1;
    if (Number.isFinite(p.y)) {
      if (current.finite === 0) current.x = p.x;
      current.finite += 1;
      if (p.y < current.min) current.min = p.y;
      if (p.y > current.max) current.max = p.y;
      current.last = p.y;
    }
  }
  flush();
  return out;
}
