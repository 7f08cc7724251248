// Exponential moving average as TensorBoard draws it: debiased, so the start of the line is
// not pulled toward zero, and weighted by point count (not by x distance). Non-finite values
// are skipped: they stay gaps and do not poison the average.
import type { SeriesColumns } from './types.ts';

/** `weight` in [0, 1): 0 = no smoothing, 0.99 = very smooth. The same xs, smoothed ys. */
export function emaSmooth(series: SeriesColumns, weight: number): SeriesColumns {
  const w = Math.min(Math.max(weight, 0), 0.999);
  const { ys } = series;
  if (w === 0) return { ...series, ys: ys.slice() };
  const out = new Float64Array(ys.length);
  let last = 0;
  let debias = 0;
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i] as number;
    if (!Number.isFinite(y)) {
      out[i] = y;
      continue;
    }
    last = last * w + (1 - w) * y;
    debias = debias * w + (1 - w);
    out[i] = last / debias;
  }
  return { ...series, ys: out };
}
