import { describe, expect, it } from 'vitest';
import { addMove, applyMoves, layoutColumns, parseMoves, formatMoves } from './column-layout.ts';

const ids = ['a', 'b', 'c', 'd', 'e'];
const none = { pinned: [], moves: [], hidden: new Set<string>() };

describe('layoutColumns', () => {
  it('keeps the default order when nothing is arranged', () => {
    expect(layoutColumns(ids, none)).toEqual({ left: [], center: ids });
  });

  it('puts pinned columns first, in pin order, and drops hidden ones', () => {
    expect(layoutColumns(ids, { pinned: ['d', 'b'], moves: [], hidden: new Set(['c', 'b']) })).toEqual({ left: ['d'], center: ['a', 'e'] });
  });

  it('ignores pins, moves and hidden ids of columns that do not exist (a stale link)', () => {
    expect(
      layoutColumns(ids, {
        pinned: ['zz'],
        moves: [
          { id: 'zz', before: 'a' },
          { id: 'e', before: 'zz' },
        ],
        hidden: new Set(['yy']),
      }),
    ).toEqual({
      left: [],
      center: ids,
    });
  });
});

describe('moves', () => {
  it('moves a column before another, or to the end', () => {
    expect(applyMoves(ids, [{ id: 'd', before: 'b' }])).toEqual(['a', 'd', 'b', 'c', 'e']);
    expect(applyMoves(ids, [{ id: 'a', before: '' }])).toEqual(['b', 'c', 'd', 'e', 'a']);
  });

  it('keeps only the last move of each column', () => {
    const moves = addMove(addMove(addMove([], 'd', 'b'), 'e', 'a'), 'd', '');
    expect(moves).toEqual([
      { id: 'e', before: 'a' },
      { id: 'd', before: '' },
    ]);
    expect(applyMoves(ids, moves)).toEqual(['e', 'a', 'b', 'c', 'd']);
  });

  it('round-trips through the URL form, keys with dots, slashes, colons and spaces included', () => {
    const moves = [
      { id: 'metrics.val/loss x', before: 'params.time:epoch' },
      { id: 'tags.a:b', before: '' },
    ];
    expect(parseMoves(formatMoves(moves))).toEqual(moves);
  });
});
