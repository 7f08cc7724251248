// The y range a chart shows. "Ignore outliers" keeps the 1st–99th percentile of the finite
// values (as TensorBoard's toggle does) so one diverged step does not flatten the curve; the
// log scale only has room for positive values.

export type YScale = 'linear' | 'log';

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const a = sorted[low] as number;
  return a + ((sorted[high] as number) - a) * (at - low);
}

export function yDomain(values: readonly number[], options: { ignoreOutliers: boolean; scale: YScale }): [number, number] | undefined {
  const usable = values.filter((v) => Number.isFinite(v) && (options.scale === 'linear' || v > 0)).sort((a, b) => a - b);
  if (usable.length === 0) return undefined;
  const low = options.ignoreOutliers && usable.length >= 20 ? quantile(usable, 0.01) : (usable[0] as number);
  const high = options.ignoreOutliers && usable.length >= 20 ? quantile(usable, 0.99) : (usable[usable.length - 1] as number);
  if (options.scale === 'log') return [low, high === low ? high * 10 : high];
  if (high === low) {
    const pad = Math.abs(low) * 0.1 || 1;
    return [low - pad, high + pad];
  }
  const pad = (high - low) * 0.05;
  return nice(low - pad, high + pad);
}

/** Widens [low, high] to multiples of a round step (1, 2 or 5 × 10^n), so axis ticks read well. */
export function nice(low: number, high: number, ticks = 5): [number, number] {
  const raw = (high - low) / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  // toPrecision drops float noise (6 × 0.2 = 1.2000000000000002).
  const round = (v: number) => Number(v.toPrecision(12));
  return [round(Math.floor(low / step) * step), round(Math.ceil(high / step) * step)];
}
