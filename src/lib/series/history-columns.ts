// A metric history as columns: one Float64Array per field instead of one object per point. A
// million-point history is then three 8 MB arrays the garbage collector never walks, the step
// axis of a chart is the steps array itself (no copy), and every pass over it is a tight numeric
// loop (docs/charts-performance.md).

/** One logged value of a metric, as a row (tests, small inputs and hover read-outs). */
export interface HistoryPoint {
  /** Plotted as a double: exact up to 2^53. */
  step: number;
  /** The step's digits when it is past 2^53 (`step` is then rounded). */
  exactStep?: string | undefined;
  /** Wall time in ms. */
  timestamp: number;
  /** NaN and ±Infinity are kept. */
  value: number;
}

export interface MetricColumns {
  /** All three arrays have the history's length; points in step order, then time order. */
  readonly steps: Float64Array;
  readonly timestamps: Float64Array;
  readonly values: Float64Array;
  /** Index → the step's digits, for the rare steps past 2^53 (steps are int64). */
  readonly exactSteps: ReadonlyMap<number, string>;
}

const NO_EXACT: ReadonlyMap<number, string> = new Map();

export const emptyColumns = (): MetricColumns => ({
  steps: new Float64Array(0),
  timestamps: new Float64Array(0),
  values: new Float64Array(0),
  exactSteps: NO_EXACT,
});

/** Appends points one by one into growing typed arrays (doubling, so a million pushes copy ~2 million doubles). */
export class ColumnsBuilder {
  private steps: Float64Array;
  private timestamps: Float64Array;
  private values: Float64Array;
  private exact: Map<number, string> | undefined;
  length = 0;

  constructor(capacity = 1024) {
    this.steps = new Float64Array(capacity);
    this.timestamps = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  push(step: number, timestamp: number, value: number, exactStep?: string): void {
    if (this.length === this.steps.length) this.grow();
    const i = this.length++;
    this.steps[i] = step;
    this.timestamps[i] = timestamp;
    this.values[i] = value;
    if (exactStep !== undefined) (this.exact ??= new Map()).set(i, exactStep);
  }

  private grow(): void {
    const capacity = Math.max(1024, this.steps.length * 2);
    const bigger = (from: Float64Array) => {
      const to = new Float64Array(capacity);
      to.set(from);
      return to;
    };
    this.steps = bigger(this.steps);
    this.timestamps = bigger(this.timestamps);
    this.values = bigger(this.values);
  }

  /** The points pushed, trimmed to their length. */
  build(): MetricColumns {
    return {
      steps: this.steps.slice(0, this.length),
      timestamps: this.timestamps.slice(0, this.length),
      values: this.values.slice(0, this.length),
      exactSteps: this.exact ?? NO_EXACT,
    };
  }
}

export function columnsFromPoints(points: readonly HistoryPoint[]): MetricColumns {
  const builder = new ColumnsBuilder(Math.max(1, points.length));
  for (const p of points) builder.push(p.step, p.timestamp, p.value, p.exactStep);
  return builder.build();
}

export function pointAt(columns: MetricColumns, i: number): HistoryPoint {
  const point: HistoryPoint = {
    step: columns.steps[i] as number,
    timestamp: columns.timestamps[i] as number,
    value: columns.values[i] as number,
  };
  const exact = columns.exactSteps.get(i);
  if (exact !== undefined) point.exactStep = exact;
  return point;
}

const before = (c: MetricColumns, a: number, b: number) =>
  (c.steps[a] as number) - (c.steps[b] as number) || (c.timestamps[a] as number) - (c.timestamps[b] as number);

/** Steps ascending, and points logged at one step in time order. */
export function isOrdered(columns: MetricColumns): boolean {
  for (let i = 1; i < columns.steps.length; i++) if (before(columns, i - 1, i) > 0) return false;
  return true;
}

/** The same points by step, then time. Servers usually send them so already: checked first, as sorting a million costs. */
export function sortByStepThenTime(columns: MetricColumns): MetricColumns {
  if (isOrdered(columns)) return columns;
  const order = Uint32Array.from({ length: columns.steps.length }, (_, i) => i).sort((a, b) => before(columns, a, b) || a - b);
  return permute(columns, order);
}

function permute(columns: MetricColumns, order: Uint32Array): MetricColumns {
  const n = order.length;
  const steps = new Float64Array(n);
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  const exact = new Map<number, string>();
  for (let to = 0; to < n; to++) {
    const from = order[to] as number;
    steps[to] = columns.steps[from] as number;
    timestamps[to] = columns.timestamps[from] as number;
    values[to] = columns.values[from] as number;
    const digits = columns.exactSteps.get(from);
    if (digits !== undefined) exact.set(to, digits);
  }
  return { steps, timestamps, values, exactSteps: exact.size > 0 ? exact : NO_EXACT };
}

/** The first `count` points of `head` followed by every point of `tail` (a live refresh's splice). */
export function spliceColumns(head: MetricColumns, count: number, tail: MetricColumns): MetricColumns {
  const n = count + tail.steps.length;
  const join = (a: Float64Array, b: Float64Array) => {
    const out = new Float64Array(n);
    out.set(a.subarray(0, count));
    out.set(b, count);
    return out;
  };
  const exact = new Map<number, string>();
  for (const [i, digits] of head.exactSteps) if (i < count) exact.set(i, digits);
  for (const [i, digits] of tail.exactSteps) exact.set(count + i, digits);
  return {
    steps: join(head.steps, tail.steps),
    timestamps: join(head.timestamps, tail.timestamps),
    values: join(head.values, tail.values),
    exactSteps: exact.size > 0 ? exact : NO_EXACT,
  };
}

/** The smallest and largest finite value, or undefined when there is none. */
export function finiteRange(values: Float64Array, from = 0, to = values.length): [number, number] | undefined {
  let low = Infinity;
  let high = -Infinity;
  for (let i = from; i < to; i++) {
    const v = values[i] as number;
    // A comparison with NaN is false, and ±Infinity is skipped explicitly.
    if (v < low && v !== -Infinity) low = v;
    if (v > high && v !== Infinity) high = v;
  }
  return low <= high ? [low, high] : undefined;
}
