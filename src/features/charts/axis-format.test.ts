import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { setDisplayTimeZone } from '../../../contract/display/format-time.ts';
import { formatX, xAxisLabel } from './axis-format.ts';

describe('formatX', () => {
  afterEach(() => setDisplayTimeZone(undefined));

  it('shows a step past 2^53 from its digits, not the rounded double', () => {
    expect(formatX('step', 2 ** 53, '9007199254740993')).toBe('9,007,199,254,740,993');
    expect(formatX('step', 2 ** 62, '4611686018427387904')).toBe('4,611,686,018,427,387,904');
    expect(formatX('step', -(2 ** 62), '-4611686018427387904')).toBe('-4,611,686,018,427,387,904');
    expect(formatX('step', 1234)).toBe('1,234');
  });

  it('labels wall time in the page’s zone, and the axis names that zone', () => {
    setDisplayTimeZone('UTC');
    expect(formatX('time', Date.UTC(2026, 0, 2, 3, 4))).toMatch(/Jan 2.*03:04/);
    expect(xAxisLabel.time).toBe('Wall time (UTC)');
    setDisplayTimeZone('Asia/Tokyo');
    expect(formatX('time', Date.UTC(2026, 0, 2, 3, 4))).toMatch(/Jan 2.*12:04/);
    expect(xAxisLabel.time).toBe('Wall time (Asia/Tokyo)');
  });

  it('labels a wall time outside Date’s range (a nanosecond clock) instead of throwing', () => {
    expect(formatX('time', 1.7e18)).toBe('1700000000000000000 (out of range)');
    expect(formatX('time', -9e15)).toBe('-9000000000000000 (out of range)');
  });

  it('returns a label for any double on every axis', () => {
    fc.assert(
      fc.property(fc.constantFrom('step' as const, 'time' as const, 'relative' as const), fc.double(), (kind, x) => {
        expect(typeof formatX(kind, x)).toBe('string');
      }),
      { numRuns: 2_000 },
    );
  });
});
