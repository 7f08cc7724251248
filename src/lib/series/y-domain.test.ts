import { describe, expect, it } from 'vitest';
import { yDomain } from './y-domain.ts';

describe('yDomain', () => {
  it('spans the finite values with a margin, ignoring NaN and infinity', () => {
    const [low, high] = yDomain([0, 10, NaN, Infinity, -Infinity], { ignoreOutliers: false, scale: 'linear' })!;
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(10);
    expect(high).toBeLessThan(11);
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
