import { describe, expect, it } from 'vitest';
import { compareIds, compareOptionalNumbers } from './compare.ts';

describe('compareIds', () => {
  it('orders digit ids numerically without converting them to numbers', () => {
    const ids = ['486163297002617079', '10', '2', '0', '486163297002617078'];
    expect([...ids].sort(compareIds)).toEqual(['0', '2', '10', '486163297002617078', '486163297002617079']);
  });
  it('puts non-numeric ids after numeric ones', () => {
    expect(['abc', '3'].sort(compareIds)).toEqual(['3', 'abc']);
  });
});

describe('compareOptionalNumbers', () => {
  it('sorts missing and NaN last in both directions', () => {
    // Wrapped: Array.prototype.sort moves bare `undefined` to the end without asking the comparator.
    const values = [{ v: 3 }, { v: undefined }, { v: NaN }, { v: 1 }];
    const sorted = (ascending: boolean) => [...values].sort((a, b) => compareOptionalNumbers(a.v, b.v, ascending)).map((x) => x.v);
    expect(sorted(true).slice(0, 2)).toEqual([1, 3]);
    expect(sorted(false).slice(0, 2)).toEqual([3, 1]);
    expect(
      sorted(true)
        .slice(2)
        .every((v) => v === undefined || Number.isNaN(v)),
    ).toBe(true);
  });
});
