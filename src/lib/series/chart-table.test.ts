import { describe, expect, it } from 'vitest';
import { buildChartData, type ChartOptions, type RunHistory } from './chart-data.ts';
import { chartTable, finiteValueRange } from './chart-table.ts';
import { columnsFromPoints } from './history-columns.ts';

const options: ChartOptions = { xAxis: 'step', yScale: 'linear', smoothing: 0, ignoreOutliers: false, buckets: 100 };
const history = (values: number[]): RunHistory => ({
  runId: 'r',
  name: 'run',
  color: '#000',
  startTime: 0,
  points: columnsFromPoints(values.map((value, step) => ({ step, timestamp: step * 1000, value }))),
});
const tableOf = (values: number[], extra: Partial<ChartOptions> = {}) => {
  const data = buildChartData([history(values)], { ...options, ...extra });
  return chartTable(data.series[0]!, data.xDomain);
};

describe('chartTable', () => {
  it('lists every logged point of a short series, NaN and infinity included', () => {
    const table = tableOf([0.5, NaN, Infinity, 2]);
    expect(table).toMatchObject({ runId: 'r', name: 'run', logged: 4, decimated: false });
    expect(table.rows).toEqual([
      { x: 0, value: 0.5 },
      { x: 1, value: NaN },
      { x: 2, value: Infinity },
      { x: 3, value: 2 },
    ]);
  });

  it('adds the smoothed value beside each logged one when smoothing is on', () => {
    const table = tableOf([1, 3], { smoothing: 0.5 });
    expect(table.rows.map((r) => r.value)).toEqual([1, 3]);
    expect(table.rows.every((r) => typeof r.smoothed === 'number')).toBe(true);
    expect(table.rows[1]!.smoothed).toBeLessThan(3);
  });

  it('gives the drawn buckets of a long series, with a spike kept as a max', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i === 7000 ? 50 : 1));
    const table = tableOf(values);
    expect(table.logged).toBe(10_000);
    expect(table.decimated).toBe(true);
    expect(table.rows.length).toBeLessThanOrEqual(100);
    expect(Math.max(...table.rows.map((r) => r.max ?? 0))).toBe(50);
    // Every bucket holds its line value between its min and max.
    for (const row of table.rows) {
      expect(row.value).toBeGreaterThanOrEqual(row.min!);
      expect(row.value).toBeLessThanOrEqual(row.max!);
    }
  });

  it('only counts and lists the points inside a zoomed range', () => {
    const table = tableOf([1, 2, 3, 4, 5, 6], { zoom: [2, 4] });
    expect(table.logged).toBe(3);
    expect(table.rows.map((r) => r.x)).toEqual([2, 3, 4]);
  });

  it('names a smoothed bucket by its smoothed value only', () => {
    const table = tableOf(
      Array.from({ length: 1000 }, (_, i) => i),
      { smoothing: 0.9 },
    );
    expect(table.decimated).toBe(true);
    expect(table.rows[0]).not.toHaveProperty('value');
    expect(typeof table.rows[0]!.smoothed).toBe('number');
  });
});

describe('finiteValueRange', () => {
  it('spans the finite values in view across every run, skipping NaN and infinity', () => {
    const data = buildChartData([history([3, NaN, -Infinity, 7]), { ...history([-2, 10]), runId: 's' }], options);
    expect(finiteValueRange(data.series, data.xDomain)).toEqual([-2, 10]);
    expect(finiteValueRange(data.series, [2, 3])).toEqual([7, 7]);
    expect(finiteValueRange(buildChartData([history([NaN])], options).series, undefined)).toBeUndefined();
  });
});
