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
  let low = options.ignoreOutliers && usable.length >= 20 ? quantile(usable, 0.01) : (usable[0] as number);
  let high = options.ignoreOutliers && usable.length >= 20 ? quantile(usable, 0.99) : (usable[usable.length - 1] as number);
  if (options.scale === 'log') return [low, high === low ? high * 10 : high];
  if (high === low) {
    const pad = Math.abs(low) * 0.1 || 1;
    return [low - pad, high + pad];
  }
  const pad = (high - low) * 0.05;
  low -= pad;
  high += pad;
  return [low, high];
}
