// One axis of a compare plot: numeric (linear or log) when every value present reads as a
// finite number — params arrive as strings, "10" and "1e-3" included — and categorical
// otherwise ("linear", "rbf"), categories in natural order. Positions run 0 → 1 from the axis'
// start; a value the axis cannot place (missing, NaN, ±∞, ≤ 0 on a log axis) has no position,
// and plots draw it apart (a "missing" band) instead of dropping or misplacing the run.
import { scaleLinear, scaleLog } from 'd3-scale';
import { compareText } from '../../../contract/display/compare.ts';
import type { AxisValue } from './types.ts';

/** Spans below this are not told apart on an axis (doubles near the denormal range). */
const TINY_SPAN = 1e-290;

export interface NumericAxis {
  kind: 'numeric';
  id: string;
  label: string;
  log: boolean;
  /** [min, max] of the placeable values, widened to nice bounds; equal values get a unit span. */
  domain: readonly [number, number];
  ticks: readonly number[];
}

export interface CategoricalAxis {
  kind: 'categorical';
  id: string;
  label: string;
  categories: readonly string[];
}

export type Axis = NumericAxis | CategoricalAxis;

export interface AxisSpec {
  id: string;
  label: string;
  values: readonly AxisValue[];
  /** Asked for a log scale; granted only when every placeable value is > 0. */
  log?: boolean;
  tickCount?: number;
}

/** A finite number from a metric or a numeric-looking param string; undefined otherwise. */
export function toNumber(value: AxisValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** A value's text as a category: numbers as JavaScript prints them, strings as logged. */
export function toCategory(value: AxisValue): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? String(value) : value;
}

/** Numeric unless some present value is a string that is not a number (NaN metrics stay numeric). */
export function isNumericValues(values: readonly AxisValue[]): boolean {
  return values.every((value) => value === undefined || typeof value === 'number' || toNumber(value) !== undefined);
}

export function buildAxis({ id, label, values, log = false, tickCount = 5 }: AxisSpec): Axis {
  if (!isNumericValues(values)) {
    const categories = [...new Set(values.flatMap((value) => toCategory(value) ?? []))].sort(compareText);
    return { kind: 'categorical', id, label, categories };
  }
  const numbers = values.flatMap((value) => toNumber(value) ?? []);
  // Positive and far from the denormal range, where a log span (a tenth, ten times) stops being exact.
  const useLog = log && numbers.length > 0 && numbers.every((n) => n > TINY_SPAN);
  let min = numbers.length ? Math.min(...numbers) : 0;
  let max = numbers.length ? Math.max(...numbers) : 1;
  if (!useLog && max - min < TINY_SPAN) {
    // One value (a constant param, a single run), or values too close for doubles (1e-323 is
    // a valid metric): centre them on a span that shows them, and that d3 can tick.
    const half = Math.abs(min) > TINY_SPAN ? Math.abs(min) / 2 : 1;
    [min, max] = [min - half, max + half];
  } else if (useLog && min === max) {
    [min, max] = [min / 10, max * 10];
  }
  const scale = useLog ? scaleLog().domain([min, max]).nice() : scaleLinear().domain([min, max]).nice(tickCount);
  // d3's rounding can miss values whose span is tiny against their size (−999999999.9999971 and
  // −999999999.9999976): the axis always spans every value.
  const [niceLo, niceHi] = scale.domain() as [number, number];
  const lo = Math.min(niceLo, min);
  const hi = Math.max(niceHi, max);
  let ticks: number[];
  try {
    ticks = useLog ? scale.ticks(tickCount).filter((t) => Number.isInteger(Math.log10(t))) : scale.ticks(tickCount);
  } catch {
    // d3 sizes its tick array from the span; an extreme one is refused with a RangeError.
    ticks = [lo, hi];
  }
  // An overflowing span (±1.7e308, MLflow's clamp of ±∞) ticks as NaN: its ends are ticks enough.
  ticks = ticks.filter((tick) => Number.isFinite(tick) && tick >= lo && tick <= hi);
  return { kind: 'numeric', id, label, log: useLog, domain: [lo, hi], ticks: ticks.length ? ticks : [lo, hi] };
}

/** 0 at the axis' start, 1 at its end; undefined when the value cannot be placed on this axis. */
export function axisPosition(axis: Axis, value: AxisValue): number | undefined {
  if (axis.kind === 'categorical') {
    const category = toCategory(value);
    if (category === undefined) return undefined;
    const index = axis.categories.indexOf(category);
    if (index < 0) return undefined;
    // Categories sit in the middle of equal bands, so one category is centred.
    return (index + 0.5) / axis.categories.length;
  }
  const number = toNumber(value);
  if (number === undefined) return undefined;
  const [lo, hi] = axis.domain;
  if (axis.log) {
    if (number <= 0) return undefined;
    return (Math.log(number) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
  }
  // Halved first: the span of ±1.7e308 (MLflow's clamp of ±∞) overflows to Infinity otherwise.
  return (number / 2 - lo / 2) / (hi / 2 - lo / 2);
}

/** The value at a position (numeric axes): what a brush drawn from 0.2 to 0.4 spans. */
export function axisValueAt(axis: NumericAxis, position: number): number {
  const [lo, hi] = axis.domain;
  if (axis.log) return Math.exp(Math.log(lo) + position * (Math.log(hi) - Math.log(lo)));
  return lo + position * (hi / 2 - lo / 2) * 2;
}
