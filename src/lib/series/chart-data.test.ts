import { describe, expect, it } from 'vitest';
import { buildChartData, nearestPoint, type ChartOptions, type RunHistory } from './chart-data.ts';

const options: ChartOptions = { xAxis: 'step', yScale: 'linear', smoothing: 0, ignoreOutliers: false, buckets: 300 };
const history = (values: number[], startTime = 1000): RunHistory => ({
  runId: 'r',
  name: 'run',
  color: '#000',
  startTime,
  points: values.map((value, step) => ({ step, timestamp: startTime + step * 2000, value })),
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
    const points = [
      { x: 0, y: 1 },
      { x: 10, y: 2 },
      { x: 20, y: 3 },
    ];
    expect(nearestPoint(points, 6)).toEqual({ x: 10, y: 2 });
    expect(nearestPoint(points, 4)).toEqual({ x: 0, y: 1 });
    expect(nearestPoint(points, 99)).toEqual({ x: 20, y: 3 });
  });
});
