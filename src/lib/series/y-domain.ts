// The y range a chart shows. "Ignore outliers" keeps the 1st–99th percentile of the finite
// values (as TensorBoard's toggle does) so one diverged step does not flatten the curve; the
// log scale only has room for positive values. A linear range hugs the data: its bounds are the
// nearest round ticks around the values (values in 1…100 get 0…100, not −50…150), and it never
// crosses zero unless the data does, so a printed chart of a positive loss has no negative axis.

export type YScale = 'linear' | 'log';

/** About this many intervals between ticks: enough to read a value off a printed chart. */
const TICK_INTERVALS = 5;

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
    // One value: a band around it, on its own side of zero (a constant 0 gets 0…1).
    if (low === 0) return [0, 1];
    const pad = Math.abs(low) * 0.1;
    return nice(low > 0 ? Math.max(0, low - pad) : low - pad, low < 0 ? Math.min(0, high + pad) : high + pad);
  }
  return nice(low, high);
}

/** The round tick step (1, 2, 2.5 or 5 × 10^n) giving about `ticks` intervals over the span. */
export function tickStep(span: number, ticks = TICK_INTERVALS): number {
  const raw = span / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-9)) ?? raw;
}

// toPrecision drops float noise (6 × 0.2 = 1.2000000000000002).
const round = (v: number) => Number(v.toPrecision(12));

/**
 * Widens [low, high] to the nearest multiples of a round step, so the bounds are ticks themselves.
 * Bounds on either side of zero stay there: rounding a positive low down never passes 0.
 */
export function nice(low: number, high: number, ticks = TICK_INTERVALS): [number, number] {
  const step = tickStep(high - low, ticks);
  return [round(Math.floor(low / step) * step), round(Math.ceil(high / step) * step)];
}

/** At most this many intervals between ticks (nice's rounding can add two to its five). */
const MAX_TICK_INTERVALS = 7;

const isMultiple = (value: number, step: number) => Math.abs(value / step - Math.round(value / step)) < 1e-6;

/**
 * Round tick values across a linear domain: the finest round step that has both bounds on a tick
 * (a domain from `nice` always has one), else a round step from the span.
 */
export function yTicks(domain: readonly [number, number]): number[] {
  const [low, high] = domain;
  if (!(high > low)) return [low];
  const span = high - low;
  let step = tickStep(span, MAX_TICK_INTERVALS + 3);
  while (step < span && !(span / step <= MAX_TICK_INTERVALS + 1e-9 && isMultiple(low, step) && isMultiple(high, step))) step = tickStep(span, span / step - 1e-6);
  if (step >= span) step = tickStep(span);
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step - 1e-9) * step; v <= high + step * 1e-9; v += step) ticks.push(round(v));
  return ticks;
}
