import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ColumnsBuilder,
  columnsFromPoints,
  finiteRange,
  isOrdered,
  pointAt,
  sortByStepThenTime,
  spliceColumns,
  type HistoryPoint,
  type MetricColumns,
} from './history-columns.ts';

const rows = (columns: MetricColumns) => Array.from(columns.steps, (_, i) => pointAt(columns, i));

const value = fc.oneof(fc.double(), fc.constant(NaN), fc.constant(Infinity), fc.constant(-Infinity));
const point: fc.Arbitrary<HistoryPoint> = fc.record({
  step: fc.integer({ min: 0, max: 50 }),
  timestamp: fc.integer({ min: 0, max: 50 }),
  value,
});
const points = fc.array(point, { maxLength: 300 });

describe('ColumnsBuilder', () => {
  it('keeps every point pushed, in order, past its initial capacity', () => {
    const builder = new ColumnsBuilder(2);
    for (let i = 0; i < 5000; i++) builder.push(i, i * 10, i === 7 ? NaN : i / 2, i === 4999 ? '9007199254740993' : undefined);
    const columns = builder.build();
    expect(columns.steps).toHaveLength(5000);
    expect(columns.values[7]).toBeNaN();
    expect(pointAt(columns, 4999)).toEqual({ step: 4999, timestamp: 49990, value: 2499.5, exactStep: '9007199254740993' });
    expect(columns.exactSteps.size).toBe(1);
  });
});

describe('sortByStepThenTime', () => {
  it('property: orders like a stable sort of the rows by step, then time, keeping each point whole', () => {
    fc.assert(
      fc.property(points, (ps) => {
        const tagged = ps.map((p, i) => ({ ...p, exactStep: String(i) }));
        const sorted = sortByStepThenTime(columnsFromPoints(tagged));
        const expected = [...tagged].sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
        expect(rows(sorted)).toEqual(expected);
        expect(isOrdered(sorted)).toBe(true);
      }),
    );
  });

  it('returns ordered columns as they are (no copy of a million points)', () => {
    const columns = columnsFromPoints([
      { step: 0, timestamp: 5, value: 1 },
      { step: 0, timestamp: 6, value: 2 },
      { step: 3, timestamp: 1, value: 3 },
    ]);
    expect(sortByStepThenTime(columns)).toBe(columns);
  });
});

describe('spliceColumns', () => {
  it('property: is the first rows of the head followed by the tail', () => {
    fc.assert(
      fc.property(points, points, fc.nat(), (head, tail, cut) => {
        const count = head.length === 0 ? 0 : cut % (head.length + 1);
        const spliced = spliceColumns(columnsFromPoints(head), count, columnsFromPoints(tail));
        expect(rows(spliced)).toEqual([...head.slice(0, count), ...tail]);
      }),
    );
  });

  it('moves a tail step past 2^53 to its new index', () => {
    const head = columnsFromPoints([{ step: 1, timestamp: 1, value: 1, exactStep: '9007199254740993' }]);
    const tail = columnsFromPoints([{ step: 2 ** 53, timestamp: 2, value: 2, exactStep: '9007199254740995' }]);
    expect([...spliceColumns(head, 1, tail).exactSteps]).toEqual([
      [0, '9007199254740993'],
      [1, '9007199254740995'],
    ]);
  });
});

describe('finiteRange', () => {
  it('property: the min and max of the finite values in [from, to), undefined without one', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), fc.nat(), fc.nat(), (vs, a, b) => {
        const from = vs.length ? a % (vs.length + 1) : 0;
        const to = vs.length ? Math.max(from, b % (vs.length + 1)) : 0;
        const finite = vs.slice(from, to).filter(Number.isFinite);
        const range = finiteRange(Float64Array.from(vs), from, to);
        expect(range).toEqual(finite.length ? [Math.min(...finite), Math.max(...finite)] : undefined);
      }),
    );
  });
});
