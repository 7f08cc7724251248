import { describe, expect, it } from 'vitest';
import { nice, yDomain } from './y-domain.ts';

describe('yDomain', () => {
  it('spans the finite values with a margin, ignoring NaN and infinity', () => {
    const [low, high] = yDomain([0, 10, NaN, Infinity, -Infinity], { ignoreOutliers: false, scale: 'linear' })!;
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(10);
    expect(high).toBeLessThanOrEqual(15);
  });

  it('leaves a spike out when outliers are ignored', () => {
    const values = [...Array.from({ length: 999 }, (_, i) => 1 + (i % 10) / 100), 5000];
    expect(yDomain(values, { ignoreOutliers: true, scale: 'linear' })![1]).toBeLessThan(2);
    expect(yDomain(values, { ignoreOutliers: false, scale: 'linear' })![1]).toBeGreaterThan(5000);
  });

  it('keeps only positive values on a log scale', () => {
    expect(yDomain([-1, 0, 0.1, 10], { ignoreOutliers: false, scale: 'log' })).toEqual([0.1, 10]);
    expect(yDomain([-1, 0], { ignoreOutliers: false, scale: 'log' })).toBeUndefined();
  });
});

describe('nice', () => {
  it('rounds the range out to a round step', () => {
    expect(nice(0.0496, 1.0453)).toEqual([0, 1.2]);
    expect(nice(-0.35, 8.77)).toEqual([-2, 10]);
  });
});
