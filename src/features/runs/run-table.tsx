// The run table: TanStack Table for sorting and nesting, TanStack Virtual for rows AND
// columns (1,500 metric keys × 100,000 runs stay a few hundred cells in the DOM). Column
// arrangement (order, pins, widths, visibility) is computed outside and passed in; the table
// only draws. Cells carry aria-colindex / aria-rowindex so assistive tech (and tests) see the
// whole grid's coordinates although only part of it is in the DOM.
import { getCoreRowModel, getExpandedRowModel, useReactTable, type ColumnDef, type ExpandedState, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { RunColumn } from './run-columns.tsx';
import { RunTableHeader } from './run-table-header.tsx';
import { RunTableRow } from './run-table-row.tsx';
import { rowId, type TableRow } from './table-row.ts';

export interface ColumnPlacement {
  left: RunColumn[];
  center: RunColumn[];
  width: (column: RunColumn) => number;
}

export interface RunTableHandlers {
  onSortChange: (key: string, ascending: boolean) => void;
  onExpandedChange: (expanded: Record<string, boolean>) => void;
  /** `order` is every shown row's id, top to bottom, for shift-click ranges. */
  onSelect: (row: TableRow, checked: boolean, shift: boolean, order: string[]) => void;
  onResize: (columnId: string, px: number) => void;
  onMove: (columnId: string, beforeId: string) => void;
}

export interface RunTableProps {
  rows: TableRow[];
  columns: RunColumn[];
  placement: ColumnPlacement;
  sort: { key: string; ascending: boolean };
  expanded: Record<string, boolean> | true;
  selected: ReadonlySet<string>;
  handlers: RunTableHandlers;
}

const ROW_HEIGHT = 37;
// Rows and columns drawn beyond the viewport. A jump (a scrollbar drag through 100,000 runs)
// replaces every drawn row in one frame, so each extra row is paid on every such frame; a few
// cover wheel and keyboard scrolling.
const OVERSCAN_ROWS = 4;
const OVERSCAN_COLUMNS = 2;

// Rows arrive sorted (sort-rows.ts, shared with the CSV export); TanStack only tracks which
// column is sorted, for the header arrows.
const toColumnDef = (column: RunColumn): ColumnDef<TableRow> => ({ id: column.id, accessorFn: column.value });

export function RunTable({ rows, columns, placement, sort, expanded, selected, handlers }: RunTableProps) {
  const columnDefs = useMemo(() => columns.map(toColumnDef), [columns]);
  // Stable identity: TanStack memoizes its row models on state references, and a new array
  // each render would re-sort every render (and, with auto-reset, loop on the expanded state).
  const sorting = useMemo<SortingState>(() => [{ id: sort.key, desc: !sort.ascending }], [sort.key, sort.ascending]);
  const { onSortChange, onExpandedChange } = handlers;

  // TanStack Table v8 is not React-Compiler safe; Runlens does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    state: { sorting, expanded },
    getRowId: rowId,
    getSubRows: (row) => row.subRows,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    getExpandedRowModel: getExpandedRowModel(),
    enableSortingRemoval: false,
    // Expansion follows the user (and the URL), not data refreshes.
    autoResetExpanded: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      const first = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      if (first) onSortChange(first.id, !first.desc);
    },
    onExpandedChange: (updater: Updater<ExpandedState>) => {
      const next = typeof updater === 'function' ? updater(expanded) : updater;
      if (next !== true) onExpandedChange(next);
    },
  });

  const shownRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowVirtualizer = useVirtualizer({ count: shownRows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN_ROWS });
  const { center, left, width } = placement;
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: center.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const column = center[index];
      return column ? width(column) : 100;
    },
    overscan: OVERSCAN_COLUMNS,
  });
  // Widths change on resize, and columns on a new arrangement: measure again.
  const widthKey = useMemo(() => center.map((column) => `${column.id}:${width(column)}`).join(','), [center, width]);
  useEffect(() => columnVirtualizer.measure(), [widthKey, columnVirtualizer]);

  const leftWidth = left.reduce((sum, column) => sum + width(column), 0);
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const firstColumn = virtualColumns[0]?.index ?? 0;
  const lastColumn = virtualColumns.at(-1)?.index ?? -1;
  // One array per visible range, so rows re-render on horizontal scroll only.
  const shownColumns = useMemo(() => center.slice(firstColumn, lastColumn + 1), [center, firstColumn, lastColumn]);
  const padStart = virtualColumns[0]?.start ?? 0;
  const padEnd = columnVirtualizer.getTotalSize() - (virtualColumns.at(-1)?.end ?? 0);
  const colIndex = useMemo(() => new Map([...left, ...center].map((column, i) => [column.id, i + 1])), [left, center]);
  // Stable between renders with the same window, so memoized rows skip re-rendering on vertical scroll.
  const gutter = useMemo(() => ({ padStart, padEnd, leftWidth }), [padStart, padEnd, leftWidth]);

  const virtualRows = rowVirtualizer.getVirtualItems();
  const before = virtualRows[0]?.start ?? 0;
  const after = rowVirtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const order = useCallback(() => shownRows.map((row) => row.id), [shownRows]);
  const onSelect = useCallback((row: TableRow, checked: boolean, shift: boolean) => handlers.onSelect(row, checked, shift, order()), [handlers, order]);

  return (
    <div className="run-table-scroll" ref={scrollRef}>
      <table
        className="data-table run-table"
        style={{ width: leftWidth + columnVirtualizer.getTotalSize() }}
        aria-rowcount={shownRows.length + 1}
        aria-colcount={left.length + center.length}
      >
        <RunTableHeader
          table={table}
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
                rowIndex={item.index + 2}
                left={left}
                shown={shownColumns}
                width={width}
                colIndex={colIndex}
                gutter={gutter}
                selected={selected.has(row.id)}
                onSelect={onSelect}
              />
            ) : null;
          })}
          {after > 0 ? <tr aria-hidden="true" className="spacer-row" style={{ height: after }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
