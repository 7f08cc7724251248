import { describe, expect, it } from 'vitest';
import { nice, yDomain, yTicks } from './y-domain.ts';

const linear = { ignoreOutliers: false, scale: 'linear' } as const;

describe('yDomain', () => {
  it('spans the finite values, ignoring NaN and infinity, within one round step', () => {
    const [low, high] = yDomain([-1, 10, NaN, Infinity, -Infinity], linear)!;
    expect(low).toBeLessThanOrEqual(-1);
    expect(low).toBeGreaterThanOrEqual(-3.5);
    expect(high).toBeGreaterThanOrEqual(10);
    expect(high).toBeLessThanOrEqual(12.5);
  });

  it('hugs values in 1…100 with a 0…100 axis, not −50…150', () => {
    expect(yDomain([1, 37, 100], linear)).toEqual([0, 100]);
  });

  it('never gives a positive loss a negative axis', () => {
    const loss = Array.from({ length: 200 }, (_, i) => 0.05 + 8.72 * Math.exp(-i / 20));
    const [low, high] = yDomain(loss, linear)!;
    expect(low).toBe(0);
    expect(high).toBe(10);
  });

  it('never crosses zero for all-negative values, and keeps a tight band away from zero', () => {
    const [low, high] = yDomain([-0.93, -0.71], linear)!;
    expect(high).toBeLessThanOrEqual(0);
    expect(low).toBeGreaterThanOrEqual(-1);
    expect(yDomain([0.91, 0.93, 0.97], linear)).toEqual([0.9, 0.98]);
  });

  it('crosses zero when the data does', () => {
    const [low, high] = yDomain([-3, 7], linear)!;
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(0);
  });

  it('gives a constant a band on its own side of zero', () => {
    expect(yDomain([0, 0], linear)).toEqual([0, 1]);
    const [low, high] = yDomain([5, 5], linear)!;
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(5);
    expect(high).toBeGreaterThan(5);
    expect(yDomain([-5], linear)![1]).toBeLessThan(0);
  });

  it('leaves a spike out when outliers are ignored', () => {
    const values = [...Array.from({ length: 999 }, (_, i) => 1 + (i % 10) / 100), 5000];
    expect(yDomain(values, { ignoreOutliers: true, scale: 'linear' })![1]).toBeLessThan(2);
    expect(yDomain(values, linear)![1]).toBeGreaterThanOrEqual(5000);
  });

  it('keeps only positive values on a log scale', () => {
    expect(yDomain([-1, 0, 0.1, 10], { ignoreOutliers: false, scale: 'log' })).toEqual([0.1, 10]);
    expect(yDomain([-1, 0], { ignoreOutliers: false, scale: 'log' })).toBeUndefined();
  });
});

describe('nice', () => {
  it('rounds the range out to a round step', () => {
    expect(nice(0.0496, 1.0453)).toEqual([0, 1.2]);
    expect(nice(0.05, 8.77)).toEqual([0, 10]);
    expect(nice(1, 100)).toEqual([0, 100]);
  });
});

describe('yTicks', () => {
  it('puts round ticks on the bounds and between them', () => {
    expect(yTicks([0, 100])).toEqual([0, 20, 40, 60, 80, 100]);
    expect(yTicks([0.9, 0.98])).toEqual([0.9, 0.92, 0.94, 0.96, 0.98]);
    expect(yTicks([0, 10])).toEqual([0, 2, 4, 6, 8, 10]);
  });
});
