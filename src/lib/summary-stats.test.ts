import { describe, expect, it } from 'vitest';
import { summarize } from './summary-stats.ts';

describe('summarize', () => {
  it('gives min, mean and max', () => {
    expect(summarize([3, 1, 2])).toEqual({ min: 1, max: 3, mean: 2, count: 3, skipped: 0 });
  });

  it('leaves NaN and infinities out of the numbers and counts them', () => {
    expect(summarize([1, NaN, Infinity, 3])).toEqual({ min: 1, max: 3, mean: 2, count: 2, skipped: 2 });
  });

  it('is NaN when no value is finite, and undefined when there are no values', () => {
    expect(summarize([NaN])?.mean).toBeNaN();
    expect(summarize([])).toBeUndefined();
  });
});
