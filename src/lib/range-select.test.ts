import { describe, expect, it } from 'vitest';
import { selectRange } from './range-select.ts';

const order = ['a', 'b', 'c', 'd', 'e'];

describe('selectRange', () => {
  it('toggles one item on a plain click', () => {
    expect([...selectRange(new Set(['a']), order, 'a', 'c', true, false)]).toEqual(['a', 'c']);
    expect([...selectRange(new Set(['a', 'c']), order, 'a', 'c', false, false)]).toEqual(['a']);
  });

  it('sets the whole range from the anchor on a shift-click, both directions', () => {
    expect([...selectRange(new Set(), order, 'b', 'd', true, true)].sort()).toEqual(['b', 'c', 'd']);
    expect([...selectRange(new Set(order), order, 'd', 'b', false, true)].sort()).toEqual(['a', 'e']);
  });

  it('falls back to one item when the anchor is gone', () => {
    expect([...selectRange(new Set(), order, 'zz', 'd', true, true)]).toEqual(['d']);
  });
});
