import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxStats } from './box-stats.ts';

describe('boxStats', () => {
  it('is undefined without finite values', () => {
    expect(boxStats([])).toBeUndefined();
    expect(boxStats([NaN, Infinity, -Infinity])).toBeUndefined();
  });

  it('interpolates quantiles like R type 7 and leaves non-finite values out', () => {
    const stats = boxStats([4, NaN, 1, 3, 2, Infinity]);
    expect(stats).toEqual({ count: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, whiskerLo: 1, whiskerHi: 4, outliers: [] });
  });

  it('puts whiskers at the furthest values within 1.5 IQR and the rest outside as outliers', () => {
    // q1 = 2, q3 = 4, IQR = 2: fences at -1 and 7.
    const stats = boxStats([-5, 1, 2, 3, 4, 5, 20, 2, 4])!;
    expect(stats.q1).toBe(2);
    expect(stats.q3).toBe(4);
    expect(stats.whiskerLo).toBe(1);
    expect(stats.whiskerHi).toBe(5);
    expect(stats.outliers).toEqual([-5, 20]);
  });

  it('stops a whisker at the box when the nearest value inside the fence lies beyond it', () => {
    const stats = boxStats([0, 100, 100, 100])!;
    expect(stats.q1).toBe(75);
    expect(stats.whiskerLo).toBe(75);
    expect(stats.outliers).toEqual([0]);
  });

  it('gives a single value a box of zero width', () => {
    expect(boxStats([7])).toEqual({ count: 1, min: 7, q1: 7, median: 7, q3: 7, max: 7, whiskerLo: 7, whiskerHi: 7, outliers: [] });
  });

  const values = fc.array(
    fc.oneof(
      { weight: 8, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
      { weight: 8, arbitrary: fc.integer({ min: -20, max: 20 }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
    ),
    { maxLength: 60 },
  );

  it('property: min ≤ whiskerLo ≤ q1 ≤ median ≤ q3 ≤ whiskerHi ≤ max, outliers beyond the whiskers', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const finite = xs.filter((v) => Number.isFinite(v));
        const stats = boxStats(xs);
        if (finite.length === 0) {
          expect(stats).toBeUndefined();
          return;
        }
        const s = stats!;
        const chain = [s.min, s.whiskerLo, s.q1, s.median, s.q3, s.whiskerHi, s.max];
        for (let i = 1; i < chain.length; i++) expect(chain[i - 1]!).toBeLessThanOrEqual(chain[i]!);
        expect(s.count).toBe(finite.length);
        for (const o of s.outliers) expect(o < s.whiskerLo || o > s.whiskerHi).toBe(true);
        // Every value is either drawn by the box and whiskers or listed as an outlier.
        const inside = finite.filter((v) => v >= s.whiskerLo && v <= s.whiskerHi);
        expect(inside.length + s.outliers.length).toBe(finite.length);
      }),
      { numRuns: 500 },
    );
  });

  it('property: the order of the values does not matter', () => {
    fc.assert(
      fc.property(
        values.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        ([xs, shuffled]) => {
          expect(boxStats(shuffled)).toEqual(boxStats(xs));
        },
      ),
      { numRuns: 300 },
    );
  });
});
