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
    return finite(nice(low > 0 ? Math.max(0, low - pad) : low - pad, low < 0 ? Math.min(0, high + pad) : high + pad));
  }
  return finite(nice(low, high));
}

/** A band around a value near the largest double must not reach infinity (recharts cannot draw it). */
function finite([low, high]: [number, number]): [number, number] {
  return [Math.max(low, -Number.MAX_VALUE), Math.min(high, Number.MAX_VALUE)];
}

/** The round tick step (1, 2, 2.5 or 5 × 10^n) giving about `ticks` intervals over the span; 0 when the span is too small or too large to divide. */
export function tickStep(span: number, ticks = TICK_INTERVALS): number {
  const raw = span / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  if (!(magnitude > 0 && Number.isFinite(magnitude))) return 0;
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-9)) ?? raw;
}

/** `v` (a multiple of `step`) without float noise (6 × 0.2 = 1.2000000000000002). */
function roundTo(v: number, step: number): number {
  if (v === 0) return 0;
  const digits = Math.ceil(Math.log10(Math.abs(v) / step)) + 3;
  return Number(v.toPrecision(Math.min(Math.max(digits, 1), 17)));
}

/**
 * Widens [low, high] to the nearest multiples of a round step, so the bounds are ticks themselves.
 * Bounds on either side of zero stay there: rounding a positive low down never passes 0. A span
 * too small or too large for round steps (subnormal differences, values near the largest double,
 * which is how MLflow stores infinity) is kept as it is.
 */
export function nice(low: number, high: number, ticks = TICK_INTERVALS): [number, number] {
  const step = tickStep(high - low, ticks);
  if (step === 0) return [low, high];
  const a = roundTo(Math.floor(low / step) * step, step);
  const b = roundTo(Math.ceil(high / step) * step, step);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [low, high];
  return [Math.min(a, low), Math.max(b, high)];
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
  const fits = (s: number) => span / s <= MAX_TICK_INTERVALS + 1e-9 && isMultiple(low, s) && isMultiple(high, s);
  // Each pass takes the next larger round step; bounded, as float edge cases may not advance.
  for (let i = 0; i < 12 && step > 0 && step < span && !fits(step); i++) step = tickStep(span, span / step - 1e-6);
  if (!(step > 0 && step < span && fits(step))) step = tickStep(span);
  if (!(step > 0)) return [low, high];
  const first = Math.ceil(low / step - 1e-9);
  const ticks: number[] = [];
  for (let i = 0; i <= 3 * MAX_TICK_INTERVALS; i++) {
    const v = (first + i) * step;
    if (v > high + step * 1e-9) break;
    ticks.push(roundTo(v, step));
  }
  return ticks;
}
