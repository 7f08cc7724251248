// What a key press does in the run table, read as a WAI-ARIA treegrid with one focusable cell
// (https://www.w3.org/WAI/ARIA/apg/patterns/treegrid/): arrows move between cells, and on the
// tree column (the run name) Right and Left open and close a parent or step to its parent row.
// Pure, so the rules are tested without a browser; the table applies the answer.

/** A cell of the body rows, 0-based over every shown row and every column (virtualized or not). */
export interface GridCell {
  row: number;
  column: number;
}

export interface GridBounds {
  rows: number;
  columns: number;
  /** Rows one Page Up / Page Down moves: about the rows in view. */
  pageRows: number;
}

/** What the key handler needs to know about one shown row. */
export interface TreeRowState {
  /** 0 for top-level rows. */
  depth: number;
  /** Has children to show. */
  parent: boolean;
  expanded: boolean;
}

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

export type GridAction =
  | { type: 'focus'; cell: GridCell }
  | { type: 'expand'; row: number }
  | { type: 'collapse'; row: number }
  /** Space: select or unselect the row; `shift` extends a range, as a shift-click does. */
  | { type: 'select'; row: number; shift: boolean }
  /** Enter: the cell's own action (open the run, show a long value, open a group). */
  | { type: 'activate'; cell: GridCell };

/** The column holding the tree (expander, selection and link): the run name, always first. */
export const TREE_COLUMN = 0;

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), Math.max(max, 0));

/** The nearest row above `row` that is one level up: its parent, or undefined at the top level. */
export function parentRow(row: number, state: (row: number) => TreeRowState): number | undefined {
  const depth = state(row).depth;
  if (depth === 0) return undefined;
  for (let i = row - 1; i >= 0; i--) if (state(i).depth < depth) return i;
  return undefined;
}

/** The action for a key pressed on `at`, or undefined when the key is not the grid's (let it through). */
export function treegridKeyAction(
  key: GridKey,
  at: GridCell,
  bounds: GridBounds,
  state: (row: number) => TreeRowState,
): GridAction | undefined {
  if (key.altKey || bounds.rows === 0) return undefined;
  const lastRow = bounds.rows - 1;
  const lastColumn = bounds.columns - 1;
  const focus = (row: number, column: number): GridAction => ({
    type: 'focus',
    cell: { row: clamp(row, lastRow), column: clamp(column, lastColumn) },
  });
  const toEnd = key.ctrlKey || key.metaKey;
  const onTree = at.column === TREE_COLUMN;
  switch (key.key) {
    case 'ArrowDown':
      return focus(at.row + 1, at.column);
    case 'ArrowUp':
      return focus(at.row - 1, at.column);
    case 'PageDown':
      return focus(at.row + Math.max(1, bounds.pageRows), at.column);
    case 'PageUp':
      return focus(at.row - Math.max(1, bounds.pageRows), at.column);
    case 'Home':
      return toEnd ? focus(0, at.column) : focus(at.row, 0);
    case 'End':
      return toEnd ? focus(lastRow, at.column) : focus(at.row, lastColumn);
    case 'ArrowRight': {
      const row = state(at.row);
      if (onTree && row.parent && !row.expanded) return { type: 'expand', row: at.row };
      return focus(at.row, at.column + 1);
    }
    case 'ArrowLeft': {
      if (!onTree) return focus(at.row, at.column - 1);
      const row = state(at.row);
      if (row.parent && row.expanded) return { type: 'collapse', row: at.row };
      const parent = parentRow(at.row, state);
      return parent === undefined ? focus(at.row, at.column) : focus(parent, TREE_COLUMN);
    }
    case ' ':
      return { type: 'select', row: at.row, shift: Boolean(key.shiftKey) };
    case 'Enter':
      return { type: 'activate', cell: at };
    default:
      return undefined;
  }
}
