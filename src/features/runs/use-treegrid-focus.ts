// The run table's keyboard focus: one cell is the tab stop (a roving tabindex), keys move it
// by treegridKeyAction, and a move to a row or column that is not drawn scrolls the
// virtualizers first and focuses the cell once it is. The cell is remembered by run and column
// id, so it survives sorting and paging.
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { RunColumn } from './run-columns.ts';
import { treegridKeyAction, type GridAction, type GridCell } from './treegrid-keys.ts';
import type { VisibleRow } from './row-tree.ts';

/** The group row is aria-rowindex 1 and the column headers 2 (run-table-header.tsx); body rows follow. */
export const HEADER_ROWS = 2;
export const FIRST_BODY_ROW_INDEX = HEADER_ROWS + 1;

export interface TreegridFocusOptions {
  table: RefObject<HTMLTableElement | null>;
  rows: readonly VisibleRow[];
  /** Every column, pinned first: the grid's column order. */
  columns: readonly RunColumn[];
  pinnedCount: number;
  rowVirtualizer: Virtualizer<HTMLDivElement, Element>;
  columnVirtualizer: Virtualizer<HTMLDivElement, Element>;
  rowHeight: number;
  /** Expand, collapse, select and activate: what the table does with a key. */
  perform: (action: Exclude<GridAction, { type: 'focus' }>, cell: HTMLElement | undefined) => void;
}

export interface TreegridFocus {
  /** The row and column ids of the one cell with tabindex 0. */
  tabStop: { rowId: string; columnId: string } | undefined;
  onKeyDown: (event: KeyboardEvent<HTMLTableElement>) => void;
  onFocus: (event: FocusEvent<HTMLTableElement>) => void;
}

const CELL = 'tbody td[aria-colindex], tbody th[aria-colindex]';

/** The grid coordinates of a body cell element, from its aria indices. */
function cellOf(element: Element): GridCell | undefined {
  const row = Number(element.parentElement?.getAttribute('aria-rowindex')) - FIRST_BODY_ROW_INDEX;
  const column = Number(element.getAttribute('aria-colindex')) - 1;
  return Number.isInteger(row) && row >= 0 && Number.isInteger(column) && column >= 0 ? { row, column } : undefined;
}

/**
 * Focuses a drawn cell and scrolls as little as needed to show it: the virtualizers have put it
 * in the table's box (clear of the sticky header and pins, the box's scroll-padding), and the
 * page may still need to scroll to show that part of the box.
 */
function reveal(cell: HTMLElement) {
  cell.focus({ preventScroll: true });
  cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

export function useTreegridFocus({
  table,
  rows,
  columns,
  pinnedCount,
  rowVirtualizer,
  columnVirtualizer,
  rowHeight,
  perform,
}: TreegridFocusOptions): TreegridFocus {
  const [active, setActive] = useState<{ rowId: string; columnId: string } | undefined>();
  /** A cell to focus as soon as it is drawn. */
  const pending = useRef<GridCell | undefined>(undefined);

  const activeRow = useMemo(() => (active ? rows.findIndex((row) => row.id === active.rowId) : -1), [rows, active]);
  const activeColumn = active ? columns.findIndex((column) => column.id === active.columnId) : -1;
  // A row that went away (collapsed, filtered out) gives the place back to the first row.
  const at: GridCell = { row: Math.max(activeRow, 0), column: Math.max(activeColumn, 0) };

  const element = (cell: GridCell) =>
    table.current?.querySelector<HTMLElement>(
      `tbody > tr[aria-rowindex="${cell.row + FIRST_BODY_ROW_INDEX}"] > [aria-colindex="${cell.column + 1}"]`,
    ) ?? undefined;

  useEffect(() => {
    const want = pending.current;
    if (!want) return;
    const cell = element(want);
    if (!cell) return;
    pending.current = undefined;
    reveal(cell);
  });

  // The tab stop must be a drawn cell, or Tab would skip the table: when the active cell is
  // scrolled away, the first drawn row's name stands in.
  const drawnRows = rowVirtualizer.getVirtualItems();
  const drawnColumns = columnVirtualizer.getVirtualItems();
  const rowDrawn = drawnRows.some((item) => item.index === at.row);
  const columnDrawn = at.column < pinnedCount || drawnColumns.some((item) => item.index === at.column - pinnedCount);
  const stopRow = rowDrawn ? at.row : (drawnRows[0]?.index ?? 0);
  const stopColumn = rowDrawn && columnDrawn ? at.column : 0;
  const tabStopRow = rows[stopRow];
  const tabStopColumn = columns[stopColumn];
  const tabStop = tabStopRow && tabStopColumn ? { rowId: tabStopRow.id, columnId: tabStopColumn.id } : undefined;

  const moveTo = (cell: GridCell) => {
    const row = rows[cell.row];
    const column = columns[cell.column];
    if (!row || !column) return;
    setActive({ rowId: row.id, columnId: column.id });
    rowVirtualizer.scrollToIndex(cell.row);
    if (cell.column >= pinnedCount) columnVirtualizer.scrollToIndex(cell.column - pinnedCount);
    pending.current = cell;
    const drawn = element(cell);
    if (drawn) {
      pending.current = undefined;
      reveal(drawn);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as Element;
    const cellElement = target.closest<HTMLElement>(CELL);
    // Keys typed in a dialog opened from a cell (a long value's full text) are the dialog's.
    if (!cellElement || !event.currentTarget.contains(cellElement) || target.closest('dialog')) return;
    // A checkbox or button inside the cell keeps its own Space and Enter.
    if (target !== cellElement && (event.key === ' ' || event.key === 'Enter')) return;
    const from = cellOf(cellElement);
    if (!from) return;
    const pageRows = Math.max(1, Math.floor((rowVirtualizer.scrollElement?.clientHeight ?? rowHeight) / rowHeight) - 2);
    const action = treegridKeyAction(event.nativeEvent, from, { rows: rows.length, columns: columns.length, pageRows }, (i) => {
      const row = rows[i];
      return { depth: row?.depth ?? 0, parent: (row?.row.subRows.length ?? 0) > 0, expanded: row?.expanded ?? false };
    });
    if (!action) return;
    event.preventDefault();
    if (action.type === 'focus') moveTo(action.cell);
    else perform(action, cellElement);
  };

  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const cellElement = (event.target as Element).closest(CELL);
    const cell = cellElement && event.currentTarget.contains(cellElement) ? cellOf(cellElement) : undefined;
    if (!cell) return;
    const row = rows[cell.row];
    const column = columns[cell.column];
    if (row && column && (row.id !== active?.rowId || column.id !== active.columnId)) setActive({ rowId: row.id, columnId: column.id });
  };

  return { tabStop, onKeyDown, onFocus };
}
