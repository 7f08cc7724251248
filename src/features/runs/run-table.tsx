// The run table: TanStack Virtual for rows AND columns (1,500 metric keys × 100,000 runs stay
// a few hundred cells in the DOM). Rows arrive grouped and sorted (use-run-table-view.ts) and
// are flattened through the expanded parents here (row-tree.ts); column arrangement
// (order, pins, widths, visibility) is computed outside and passed in. The table only draws.
// It is an ARIA treegrid: rows carry their level, place among siblings and expansion, cells
// their aria-colindex / aria-rowindex, so assistive tech (and tests) see the whole grid's
// coordinates although only part of it is in the DOM; one cell is the tab stop and the keys of
// the treegrid pattern move it (use-treegrid-focus.ts).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { GROUP_ROW_HEIGHT } from './column-groups.ts';
import type { RunColumn } from './run-columns.ts';
import type { RowActions } from './run-name-cell.tsx';
import { RunTableHeader } from './run-table-header.tsx';
import { RunTableRow } from './run-table-row.tsx';
import { TREE_COLUMN, type GridAction } from './treegrid-keys.ts';
import { FIRST_BODY_ROW_INDEX, HEADER_ROWS, useTreegridFocus } from './use-treegrid-focus.ts';
import { visibleRows, type Expansion, type TableRow } from './row-tree.ts';
import './column-groups.css';

export interface ColumnPlacement {
  left: RunColumn[];
  center: RunColumn[];
  width: (column: RunColumn) => number;
}

export interface RunTableHandlers {
  onSortChange: (key: string, ascending: boolean) => void;
  /** A parent's expander was clicked. */
  onToggleExpanded: (rowId: string) => void;
  /** `runOrder` is every shown run's id (groups left out), top to bottom, for shift-click ranges. */
  onSelect: (row: TableRow, checked: boolean, shift: boolean, runOrder: string[]) => void;
  onResize: (columnId: string, px: number) => void;
  onMove: (columnId: string, beforeId: string) => void;
}

export interface RunTableProps {
  rows: TableRow[];
  placement: ColumnPlacement;
  sort: { key: string; ascending: boolean };
  expanded: Expansion;
  selected: ReadonlySet<string>;
  handlers: RunTableHandlers;
}

const ROW_HEIGHT = 37;
/** The two sticky header rows: the column groups, then the column headers. */
const HEADER_HEIGHT = GROUP_ROW_HEIGHT + ROW_HEIGHT;
// Rows and columns drawn beyond the viewport. A jump (a scrollbar drag through 100,000 runs)
// replaces every drawn row in one frame, so each extra row is paid on every such frame; a few
// cover wheel and keyboard scrolling.
const OVERSCAN_ROWS = 4;
const OVERSCAN_COLUMNS = 2;

/** Where the column header row sticks (column-groups.css): below the group row. */
const groupRowHeight = { '--run-table-group-row': `${GROUP_ROW_HEIGHT}px` } as CSSProperties;

/** Rows a column's first sort direction is read from. */
const SORT_SAMPLE = 50;

/** A new sort column starts descending for numbers and times, ascending for text. */
function firstSortAscending(column: RunColumn, rows: readonly TableRow[]): boolean {
  for (const row of rows.slice(0, SORT_SAMPLE)) {
    const value = column.value(row);
    if (value !== undefined) return typeof value === 'string';
  }
  return !column.numeric;
}

export function RunTable({ rows, placement, sort, expanded, selected, handlers }: RunTableProps) {
  const shownRows = useMemo(() => visibleRows(rows, expanded), [rows, expanded]);
  const { onSortChange } = handlers;
  const onSort = useCallback(
    (column: RunColumn) => onSortChange(column.id, sort.key === column.id ? !sort.ascending : firstSortAscending(column, rows)),
    [onSortChange, sort.key, sort.ascending, rows],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  // The virtualizers measure from the top and left of the scroll box, but the sticky header rows
  // and the pinned columns cover that much of it: scrolling a row or column into view keeps
  // this far clear of the end, so the browser sees it below the header and right of the pins.
  const { center, left, width } = placement;
  const leftWidth = left.reduce((sum, column) => sum + width(column), 0);
  // TanStack Virtual is not React-Compiler safe; Runlens does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowVirtualizer = useVirtualizer({
    count: shownRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    scrollPaddingEnd: HEADER_HEIGHT,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: center.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const column = center[index];
      return column ? width(column) : 100;
    },
    overscan: OVERSCAN_COLUMNS,
    scrollPaddingEnd: leftWidth,
  });
  // Widths change on resize, and columns on a new arrangement: measure again.
  const widthKey = useMemo(() => center.map((column) => `${column.id}:${width(column)}`).join(','), [center, width]);
  useEffect(() => columnVirtualizer.measure(), [widthKey, columnVirtualizer]);

  const virtualColumns = columnVirtualizer.getVirtualItems();
  const firstColumn = virtualColumns[0]?.index ?? 0;
  const lastColumn = virtualColumns.at(-1)?.index ?? -1;
  // One array per visible range, so rows re-render on horizontal scroll only.
  const shownColumns = useMemo(() => center.slice(firstColumn, lastColumn + 1), [center, firstColumn, lastColumn]);
  const padStart = virtualColumns[0]?.start ?? 0;
  const padEnd = columnVirtualizer.getTotalSize() - (virtualColumns.at(-1)?.end ?? 0);
  const allColumns = useMemo(() => [...left, ...center], [left, center]);
  const colIndex = useMemo(() => new Map(allColumns.map((column, i) => [column.id, i + 1])), [allColumns]);
  // Stable between renders with the same window, so memoized rows skip re-rendering on vertical scroll.
  const gutter = useMemo(() => ({ padStart, padEnd, leftWidth }), [padStart, padEnd, leftWidth]);

  const virtualRows = rowVirtualizer.getVirtualItems();
  const before = virtualRows[0]?.start ?? 0;
  const after = rowVirtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const order = useCallback(() => shownRows.flatMap((row) => (row.row.kind === 'run' ? [row.id] : [])), [shownRows]);
  const actions = useMemo<RowActions>(
    () => ({
      onSelect: (row, checked, shift) => handlers.onSelect(row, checked, shift, order()),
      onToggleExpanded: handlers.onToggleExpanded,
    }),
    [handlers, order],
  );

  const perform = (action: Exclude<GridAction, { type: 'focus' }>, cell: HTMLElement | undefined) => {
    const row = shownRows[action.type === 'activate' ? action.cell.row : action.row];
    if (!row) return;
    if (action.type === 'expand' || action.type === 'collapse') handlers.onToggleExpanded(row.id);
    else if (action.type === 'select') actions.onSelect(row.row, !selected.has(row.id), action.shift);
    else if (action.cell.column === TREE_COLUMN && row.row.kind === 'group') handlers.onToggleExpanded(row.id);
    // Enter does what a click on the cell's own link or button does (open the run, show a long value).
    else cell?.querySelector<HTMLElement>(action.cell.column === TREE_COLUMN ? 'a[href]' : 'a[href], button')?.click();
  };
  const focus = useTreegridFocus({
    table: tableRef,
    rows: shownRows,
    columns: allColumns,
    pinnedCount: left.length,
    rowVirtualizer,
    columnVirtualizer,
    rowHeight: ROW_HEIGHT,
    perform,
  });

  return (
    // The scroll padding keeps a cell scrolled into view (use-treegrid-focus.ts) clear of the sticky header and the pinned columns.
    <div className="run-table-scroll" ref={scrollRef} style={{ scrollPaddingTop: HEADER_HEIGHT, scrollPaddingLeft: leftWidth }}>
      <table
        ref={tableRef}
        // ARIA in HTML allows any role on a table; treegrid is the one for rows with children.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role
        role="treegrid"
        aria-label="Runs"
        aria-multiselectable="true"
        className="data-table run-table"
        style={{ width: leftWidth + columnVirtualizer.getTotalSize(), ...groupRowHeight }}
        aria-rowcount={shownRows.length + HEADER_ROWS}
        aria-colcount={left.length + center.length}
        onKeyDown={focus.onKeyDown}
        onFocus={focus.onFocus}
      >
        <RunTableHeader
          sort={sort}
          onSort={onSort}
          left={left}
          shown={shownColumns}
          width={width}
          colIndex={colIndex}
          gutter={gutter}
          onResize={handlers.onResize}
          onMove={handlers.onMove}
        />
        <tbody>
          {before > 0 ? <tr aria-hidden="true" className="spacer-row" style={{ height: before }} /> : null}
          {virtualRows.map((item) => {
            const row = shownRows[item.index];
            return row ? (
              <RunTableRow
                key={row.id}
                row={row}
                rowIndex={item.index + FIRST_BODY_ROW_INDEX}
                left={left}
                shown={shownColumns}
                width={width}
                colIndex={colIndex}
                gutter={gutter}
                selected={selected.has(row.id)}
                actions={actions}
                tabStopColumn={focus.tabStop?.rowId === row.id ? focus.tabStop.columnId : undefined}
              />
            ) : null;
          })}
          {after > 0 ? <tr aria-hidden="true" className="spacer-row" style={{ height: after }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
