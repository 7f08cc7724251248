import { describe, expect, it } from 'vitest';
import { buildChartData, nearestPoint, toSeriesPoints, type ChartOptions, type RunHistory } from './chart-data.ts';
import { columnsFromPoints } from './history-columns.ts';
import { seriesColumns } from './types.ts';

const options: ChartOptions = { xAxis: 'step', yScale: 'linear', smoothing: 0, ignoreOutliers: false, buckets: 300 };
const history = (values: number[], startTime = 1000): RunHistory => ({
  runId: 'r',
  name: 'run',
  color: '#000',
  startTime,
  points: columnsFromPoints(values.map((value, step) => ({ step, timestamp: startTime + step * 2000, value }))),
});

describe('buildChartData', () => {
  it('draws every point of a short history, and its exact values', () => {
    const data = buildChartData([history([0.1, 0.5, 0.9])], options);
    expect(data.series[0]!.line).toEqual([
      { x: 0, y: 0.1 },
      { x: 1, y: 0.5 },
      { x: 2, y: 0.9 },
    ]);
    expect(data.xDomain).toEqual([0, 2]);
  });

  it('makes NaN and infinity gaps that do not stretch the y range', () => {
    const data = buildChartData([history([1, NaN, Infinity, 2])], options);
    expect(data.series[0]!.line.map((d) => d.y)).toEqual([1, null, null, 2]);
    expect(data.yDomain![1]).toBeLessThan(3);
  });

  it('keeps a spike in the envelope while smoothing flattens the line', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i === 7000 ? 50 : 1));
    const data = buildChartData([history(values)], { ...options, smoothing: 0.9 });
    const series = data.series[0]!;
    expect(Math.max(...series.envelope.map((d) => d.range?.[1] ?? 0))).toBe(50);
    expect(Math.max(...series.line.map((d) => d.y ?? 0))).toBeLessThan(50);
    expect(data.yDomain![1]).toBeGreaterThanOrEqual(50);
    expect(data.drawnPoints).toBeLessThanOrEqual(900);
  });

  it('puts x in seconds since the run started for relative time, and in ms for wall time', () => {
    expect(buildChartData([history([1, 2])], { ...options, xAxis: 'relative' }).series[0]!.line.map((d) => d.x)).toEqual([0, 2]);
    expect(buildChartData([history([1, 2])], { ...options, xAxis: 'time' }).xDomain).toEqual([1000, 3000]);
  });

  it('drops non-positive values on a log scale', () => {
    const data = buildChartData([history([0, -1, 10])], { ...options, yScale: 'log' });
    expect(data.series[0]!.line.map((d) => d.y)).toEqual([null, null, 10]);
  });
});

describe('nearestPoint', () => {
  it('finds the logged point closest to x', () => {
    const points = seriesColumns([
      { x: 0, y: 1 },
      { x: 10, y: 2 },
      { x: 20, y: 3 },
    ]);
    expect(nearestPoint(points, 6)).toEqual({ x: 10, y: 2 });
    expect(nearestPoint(points, 4)).toEqual({ x: 0, y: 1 });
    expect(nearestPoint(points, 99)).toEqual({ x: 20, y: 3 });
  });
});

describe('toSeriesPoints', () => {
  const resumed: RunHistory = {
    runId: 'r',
    name: 'run',
    color: '#000',
    startTime: 1000,
    // A resumed run: step 2 was logged before step 1's wall time.
    points: columnsFromPoints([
      { step: 0, timestamp: 1000, value: 1 },
      { step: 1, timestamp: 5000, value: 2 },
      { step: 2, timestamp: 3000, value: 3, exactStep: undefined },
    ]),
  };

  it('uses the history’s own step column for a step axis (no copy)', () => {
    expect(toSeriesPoints(resumed, 'step').xs).toBe(resumed.points.steps);
  });

  it('sorts by wall time or relative time when they disagree with the steps', () => {
    expect(Array.from(toSeriesPoints(resumed, 'time').ys)).toEqual([1, 3, 2]);
    const relative = toSeriesPoints(resumed, 'relative');
    expect(Array.from(relative.xs)).toEqual([0, 2, 4]);
    expect(Array.from(relative.ys)).toEqual([1, 3, 2]);
  });

  it('keeps the digits of steps past 2^53 for the step axis', () => {
    const history = { ...resumed, points: columnsFromPoints([{ step: 2 ** 53, timestamp: 1, value: 1, exactStep: '9007199254740993' }]) };
    expect(nearestPoint(toSeriesPoints(history, 'step'), 2 ** 53)).toEqual({ x: 2 ** 53, y: 1, exactX: '9007199254740993' });
  });
});
