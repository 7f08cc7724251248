// Exponential moving average as TensorBoard draws it: debiased, so the start of the line is
// not pulled toward zero, and weighted by point count (not by x distance). Non-finite values
// are skipped: they stay gaps and do not poison the average.
import type { SeriesPoint } from './types.ts';

/** `weight` in [0, 1): 0 = no smoothing, 0.99 = very smooth. */
export function emaSmooth(points: readonly SeriesPoint[], weight: number): SeriesPoint[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  if (w === 0) return points.slice();
  let last = 0;
  let debias = 0;
  return points.map((p) => {
    if (!Number.isFinite(p.y)) return p;
    last = last * w + (1 - w) * p.y;
    debias = debias * w + (1 - w);
    return { x: p.x, y: last / debias };
  });
}
