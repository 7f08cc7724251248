import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parentRow, treegridKeyAction, type GridBounds, type GridCell, type TreeRowState } from './treegrid-keys.ts';

// The shown rows of a table with one expanded parent holding two children, one of which is an
// expanded parent itself, and a collapsed parent at the end:
// 0 a (expanded)
// 1   b (expanded)
// 2     c
// 3   d
// 4 e (collapsed, has children)
// 5 f
const rows: TreeRowState[] = [
  { depth: 0, parent: true, expanded: true },
  { depth: 1, parent: true, expanded: true },
  { depth: 2, parent: false, expanded: false },
  { depth: 1, parent: false, expanded: false },
  { depth: 0, parent: true, expanded: false },
  { depth: 0, parent: false, expanded: false },
];
const state = (row: number) => rows[row] as TreeRowState;
const bounds: GridBounds = { rows: rows.length, columns: 5, pageRows: 3 };
const press = (key: string, at: GridCell, modifiers: { ctrlKey?: boolean; shiftKey?: boolean; altKey?: boolean } = {}) =>
  treegridKeyAction({ key, ...modifiers }, at, bounds, state);
const focus = (row: number, column: number) => ({ type: 'focus', cell: { row, column } });

describe('treegridKeyAction', () => {
  it('moves between cells with the arrows and stops at the edges', () => {
    expect(press('ArrowDown', { row: 0, column: 2 })).toEqual(focus(1, 2));
    expect(press('ArrowUp', { row: 3, column: 2 })).toEqual(focus(2, 2));
    expect(press('ArrowRight', { row: 3, column: 2 })).toEqual(focus(3, 3));
    expect(press('ArrowLeft', { row: 3, column: 2 })).toEqual(focus(3, 1));
    expect(press('ArrowUp', { row: 0, column: 1 })).toEqual(focus(0, 1));
    expect(press('ArrowDown', { row: 5, column: 1 })).toEqual(focus(5, 1));
    expect(press('ArrowRight', { row: 5, column: 4 })).toEqual(focus(5, 4));
  });

  it('Home and End go to the ends of the row; with Ctrl, to the first and last row', () => {
    expect(press('Home', { row: 2, column: 3 })).toEqual(focus(2, 0));
    expect(press('End', { row: 2, column: 1 })).toEqual(focus(2, 4));
    expect(press('Home', { row: 2, column: 3 }, { ctrlKey: true })).toEqual(focus(0, 3));
    expect(press('End', { row: 2, column: 3 }, { ctrlKey: true })).toEqual(focus(5, 3));
  });

  it('Page Down and Page Up move by a page of rows', () => {
    expect(press('PageDown', { row: 0, column: 1 })).toEqual(focus(3, 1));
    expect(press('PageDown', { row: 4, column: 1 })).toEqual(focus(5, 1));
    expect(press('PageUp', { row: 4, column: 1 })).toEqual(focus(1, 1));
  });

  it('Right on the name of a collapsed parent expands it; on an open parent or a leaf it moves right', () => {
    expect(press('ArrowRight', { row: 4, column: 0 })).toEqual({ type: 'expand', row: 4 });
    expect(press('ArrowRight', { row: 0, column: 0 })).toEqual(focus(0, 1));
    expect(press('ArrowRight', { row: 5, column: 0 })).toEqual(focus(5, 1));
  });

  it('Left on the name of an open parent collapses it; on a child it goes to the parent row', () => {
    expect(press('ArrowLeft', { row: 1, column: 0 })).toEqual({ type: 'collapse', row: 1 });
    expect(press('ArrowLeft', { row: 2, column: 0 })).toEqual(focus(1, 0));
    expect(press('ArrowLeft', { row: 3, column: 0 })).toEqual(focus(0, 0));
    // A top-level row without open children: nowhere to go.
    expect(press('ArrowLeft', { row: 4, column: 0 })).toEqual(focus(4, 0));
  });

  it('Right and Left away from the name column only move', () => {
    expect(press('ArrowRight', { row: 4, column: 1 })).toEqual(focus(4, 2));
    expect(press('ArrowLeft', { row: 1, column: 1 })).toEqual(focus(1, 0));
  });

  it('Space selects the row (Shift extends a range); Enter activates the cell', () => {
    expect(press(' ', { row: 3, column: 2 })).toEqual({ type: 'select', row: 3, shift: false });
    expect(press(' ', { row: 3, column: 2 }, { shiftKey: true })).toEqual({ type: 'select', row: 3, shift: true });
    expect(press('Enter', { row: 3, column: 2 })).toEqual({ type: 'activate', cell: { row: 3, column: 2 } });
  });

  it('leaves other keys, Alt combinations and an empty grid to the browser', () => {
    expect(press('a', { row: 0, column: 0 })).toBeUndefined();
    expect(press('Tab', { row: 0, column: 0 })).toBeUndefined();
    expect(press('ArrowDown', { row: 0, column: 0 }, { altKey: true })).toBeUndefined();
    expect(treegridKeyAction({ key: 'ArrowDown' }, { row: 0, column: 0 }, { rows: 0, columns: 3, pageRows: 10 }, state)).toBeUndefined();
  });

  it('never leaves the grid, whatever the keys and the shape', () => {
    const keys = ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'];
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.record({ key: fc.constantFrom(...keys), ctrlKey: fc.boolean() }), { maxLength: 40 }),
        (depths, columns, pageRows, presses) => {
          // Depths of a valid flattened tree: each row at most one level below the previous one.
          const shape: TreeRowState[] = [];
          for (const d of depths) shape.push({ depth: Math.min(d, (shape.at(-1)?.depth ?? -1) + 1), parent: false, expanded: false });
          shape.forEach((row, i) => {
            row.parent = (shape[i + 1]?.depth ?? 0) > row.depth;
            row.expanded = row.parent;
          });
          let at: GridCell = { row: 0, column: 0 };
          for (const key of presses) {
            const action = treegridKeyAction(key, at, { rows: shape.length, columns, pageRows }, (i) => shape[i] as TreeRowState);
            if (action?.type === 'focus') at = action.cell;
            expect(at.row).toBeGreaterThanOrEqual(0);
            expect(at.row).toBeLessThan(shape.length);
            expect(at.column).toBeGreaterThanOrEqual(0);
            expect(at.column).toBeLessThan(columns);
          }
        },
      ),
    );
  });
});

describe('parentRow', () => {
  it('finds the row one level up, or nothing at the top level', () => {
    expect(parentRow(2, state)).toBe(1);
    expect(parentRow(3, state)).toBe(0);
    expect(parentRow(5, state)).toBeUndefined();
  });
});
