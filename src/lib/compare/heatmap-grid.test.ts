import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatmapGrid, type GridPoint } from './heatmap-grid.ts';

describe('heatmapGrid', () => {
  it('orders numeric-looking categories numerically and the others naturally', () => {
    const grid = heatmapGrid([
      { id: 'a', x: '100', y: 'rbf', value: 1 },
      { id: 'b', x: '10', y: 'linear', value: 2 },
      { id: 'c', x: '1', y: 'poly_10', value: 3 },
      { id: 'd', x: 1e-3, y: 'poly_2', value: 4 },
    ]);
    expect(grid.xCategories).toEqual(['0.001', '1', '10', '100']);
    expect(grid.yCategories).toEqual(['linear', 'poly_2', 'poly_10', 'rbf']);
  });

  it('averages the finite values of a combination and keeps every run id', () => {
    const grid = heatmapGrid([
      { id: 'a', x: '1', y: 'rbf', value: 0.5 },
      { id: 'b', x: '1', y: 'rbf', value: 0.7 },
      { id: 'c', x: '1', y: 'rbf', value: NaN },
      { id: 'd', x: '1', y: 'rbf', value: undefined },
      { id: 'e', x: '2', y: 'rbf', value: NaN },
    ]);
    expect(grid.cells).toEqual([
      { x: '1', y: 'rbf', value: 0.6, count: 2, ids: ['a', 'b', 'c', 'd'] },
      { x: '2', y: 'rbf', value: undefined, count: 0, ids: ['e'] },
    ]);
    expect(grid.domain).toEqual([0.6, 0.6]);
  });

  it('leaves out points missing x or y and lists only combinations that occur', () => {
    const grid = heatmapGrid([
      { id: 'a', x: '1', y: 'a', value: 1 },
      { id: 'b', x: '2', y: 'b', value: 3 },
      { id: 'c', x: undefined, y: 'a', value: 5 },
      { id: 'd', x: '3', y: undefined, value: 5 },
    ]);
    expect(grid.xCategories).toEqual(['1', '2']);
    expect(grid.yCategories).toEqual(['a', 'b']);
    expect(grid.cells.map((c) => [c.x, c.y])).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(grid.domain).toEqual([1, 3]);
  });

  it('has no domain when no cell has a value', () => {
    expect(heatmapGrid([{ id: 'a', x: 'p', y: 'q', value: Infinity }]).domain).toBeUndefined();
    expect(heatmapGrid([])).toEqual({ xCategories: [], yCategories: [], cells: [], domain: undefined });
  });

  const category = fc.oneof(
    fc.constantFrom('1', '10', '2', '1e-3', 'rbf', 'linear', 'm_2', 'm_10'),
    fc.integer({ min: -3, max: 3 }),
    fc.constant(undefined),
  );
  const points = fc.array(
    fc.record({
      id: fc.string({ maxLength: 4 }),
      x: category,
      y: category,
      value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(NaN, Infinity, undefined)),
    }),
    { maxLength: 40 },
  );

  it('property: every placed run is in exactly one cell whose mean lies within its values and the domain', () => {
    fc.assert(
      fc.property(points, (ps: GridPoint[]) => {
        const grid = heatmapGrid(ps);
        const placed = ps.filter((p) => p.x !== undefined && p.y !== undefined);
        expect(grid.cells.reduce((n, c) => n + c.ids.length, 0)).toBe(placed.length);
        expect(new Set(grid.cells.map((c) => JSON.stringify([c.x, c.y]))).size).toBe(grid.cells.length);
        for (const cell of grid.cells) {
          expect(grid.xCategories).toContain(cell.x);
          expect(grid.yCategories).toContain(cell.y);
          if (cell.value === undefined) continue;
          expect(Number.isFinite(cell.value)).toBe(true);
          expect(cell.value).toBeGreaterThanOrEqual(grid.domain![0]);
          expect(cell.value).toBeLessThanOrEqual(grid.domain![1]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: the order of the points changes neither categories nor cells', () => {
    fc.assert(
      fc.property(
        points.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length }))),
        ([ps, shuffled]) => {
          const a = heatmapGrid(ps);
          const b = heatmapGrid(shuffled);
          expect(b.xCategories).toEqual(a.xCategories);
          expect(b.yCategories).toEqual(a.yCategories);
          expect(b.cells.map((c) => [c.x, c.y, c.value, c.count, [...c.ids].sort()])).toEqual(
            a.cells.map((c) => [c.x, c.y, c.value, c.count, [...c.ids].sort()]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
