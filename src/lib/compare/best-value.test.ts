import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestIds, bestValue } from './best-value.ts';

describe('bestValue', () => {
  it('is the lowest or highest finite value, ignoring NaN, ±∞ and missing', () => {
    const values = [0.5, Number.NaN, undefined, 0.9, Infinity, 0.7];
    expect(bestValue(values, 'max')).toBe(0.9);
    expect(bestValue(values, 'min')).toBe(0.5);
  });

  it('is undefined when fewer than two runs have a finite value', () => {
    expect(bestValue([0.5, Number.NaN, undefined], 'max')).toBeUndefined();
    expect(bestValue([], 'min')).toBeUndefined();
  });

  it('equals Math.min / Math.max of the finite values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double(), { nil: undefined })),
        fc.constantFrom('min' as const, 'max' as const),
        (values, direction) => {
          const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
          const expected = finite.length < 2 ? undefined : direction === 'min' ? Math.min(...finite) : Math.max(...finite);
          // === so that 0 and -0 count as the same best.
          expect(bestValue(values, direction) === expected).toBe(true);
        },
      ),
    );
  });
});

describe('bestIds', () => {
  it('marks every run tied for best', () => {
    const runs = [
      { id: 'a', v: 0.9 },
      { id: 'b', v: 0.97 },
      { id: 'c', v: 0.97 },
    ];
    expect(
      bestIds(
        runs,
        (r) => r.v,
        (r) => r.id,
        'max',
      ),
    ).toEqual(new Set(['b', 'c']));
  });
});
