import fc from 'fast-check';
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

describe('yDomain, for any finite values', () => {
  const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 });
  const huge = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 5 });

  it('holds every value, stays on the data’s side of zero, and wastes at most about two ticks', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const [low, high] = yDomain(vs, linear)!;
        const min = Math.min(...vs);
        const max = Math.max(...vs);
        expect(low).toBeLessThanOrEqual(min);
        expect(high).toBeGreaterThanOrEqual(max);
        if (min >= 0) expect(low).toBeGreaterThanOrEqual(0);
        // (All zeros are the one exception: a constant 0 is drawn on 0…1.)
        if (max <= 0 && min < 0) expect(high).toBeLessThanOrEqual(0);
        // Rounding out adds at most one step per side, a step being at most two fifths of the span.
        if (max > min) expect(high - low).toBeLessThanOrEqual((max - min) * 1.8 * (1 + 1e-9));
      }),
    );
  });

  it('has round ticks that include both bounds', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const domain = yDomain(vs, linear)!;
        const ticks = yTicks(domain);
        expect(ticks.length).toBeGreaterThan(0);
        expect(ticks.length).toBeLessThanOrEqual(8);
        for (const tick of ticks) {
          expect(tick).toBeGreaterThanOrEqual(domain[0]);
          expect(tick).toBeLessThanOrEqual(domain[1]);
        }
        // Unless the values differ only in their last digits, the bounds are ticks.
        const min = Math.min(...vs);
        const max = Math.max(...vs);
        if (max - min > 1e-6 * Math.max(Math.abs(min), Math.abs(max), 1e-300)) {
          const span = domain[1] - domain[0];
          expect(Math.abs(ticks[0]! - domain[0])).toBeLessThanOrEqual(span * 1e-6);
          expect(Math.abs(ticks[ticks.length - 1]! - domain[1])).toBeLessThanOrEqual(span * 1e-6);
        }
      }),
    );
  });

  it('gives a finite range even for values near the largest double (how MLflow stores infinity)', () => {
    fc.assert(
      fc.property(huge, (vs) => {
        const [low, high] = yDomain(vs, linear)!;
        expect(Number.isFinite(low) && Number.isFinite(high)).toBe(true);
        expect(low).toBeLessThanOrEqual(Math.min(...vs));
        expect(high).toBeGreaterThanOrEqual(Math.max(...vs));
        expect(yTicks([low, high]).length).toBeLessThanOrEqual(22);
      }),
    );
  });
});
