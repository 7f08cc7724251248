// The metric charts' URL contract: which metrics, the axes, smoothing, outliers and zoom.
import * as z from 'zod/mini';
import { booleanParam, enumParam, textParam } from '@/lib/search-params.ts';

export const chartSearchSchema = z.object({
  /** Metric keys shown (comma-separated); empty = all. */
  metrics: textParam(),
  x: enumParam(['step', 'time', 'relative'], 'step'),
  y: enumParam(['linear', 'log'], 'linear'),
  /** EMA weight, 0 (off) to 0.99. */
  smoothing: z.catch(
    z._default(
      z.pipe(
        z.string(),
        z.transform((v) => Math.min(Math.max(Number(v) || 0, 0), 0.99)),
      ),
      0,
    ),
    0,
  ),
  ignoreOutliers: z._default(booleanParam(false), false),
  /** x range "from~to" after a drag-zoom; empty = everything. */
  zoom: textParam(),
  /** Runs hidden from every chart by a click on their legend entry (run ids, comma-separated). */
  hiddenRuns: textParam(),
});
export type ChartSearch = z.infer<typeof chartSearchSchema>;

export function parseZoom(zoom: string): [number, number] | undefined {
  const [a, b] = zoom.split('~').map(Number);
  return a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && a < b ? [a, b] : undefined;
}

export const formatZoom = ([a, b]: readonly [number, number]) => `${Number(a.toPrecision(8))}~${Number(b.toPrecision(8))}`;
