import {
  flexRender,
  getCoreRowModel,
  getExpandedRowModel,
  getSortedRowModel,
  useReactTable,
  type ExpandedState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { buildRunColumns } from './run-columns.tsx';
import { collectKeys } from './collect-keys.ts';
import type { RunRow } from './use-run-rows.ts';

export interface RunTableProps {
  rows: RunRow[];
  sortKey: string;
  ascending: boolean;
  expandAll: boolean;
  onSortChange: (key: string, ascending: boolean) => void;
}

const ROW_HEIGHT = 37;

export function RunTable({ rows, sortKey, ascending, expandAll, onSortChange }: RunTableProps) {
  const keys = useMemo(() => collectKeys(rows), [rows]);
  // Durations of RUNNING runs are measured against the time the rows arrived.
  const columns = useMemo(() => buildRunColumns(keys, Date.now()), [keys]);
  const [expanded, setExpanded] = useState<ExpandedState>({});
  // Stable identity: TanStack memoizes its row models on state references, and a new array
  // each render would re-sort every render (and, with auto-reset, loop on the expanded state).
  const sorting = useMemo<SortingState>(() => [{ id: sortKey, desc: !ascending }], [sortKey, ascending]);

  // TanStack Table v8 is not React-Compiler safe; Runlens does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, expanded: expandAll ? true : expanded },
    getRowId: (row) => row.run.runId,
    getSubRows: (row) => row.subRows,
    getCoreRowModel: getCoreRowModel(),
    // Sorting applies within each parent, so children stay under their parent.
    getSortedRowModel: getSortedRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
    enableSortingRemoval: false,
    // Expansion follows the user, not data refreshes.
    autoResetExpanded: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSortChange(first.id, !first.desc);
    },
    onExpandedChange: setExpanded,
  });

  const visibleRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visibleRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const width = table.getTotalSize();

  return (
    <div className="run-table-scroll" ref={scrollRef}>
      <table className="data-table run-table" style={{ width }} aria-rowcount={visibleRows.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    style={{ width: header.getSize() }}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    title={header.column.id}
                  >
                    <button type="button" className="sort-header" onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true" className="sort-header__arrow">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {before > 0 ? <tr aria-hidden="true" style={{ height: before }} /> : null}
          {items.map((item) => {
            const row = visibleRows[item.index];
            if (!row) return null;
            return (
              <tr key={row.id} data-index={item.index} aria-rowindex={item.index + 2} className={row.original.isContext ? 'row--context' : undefined}>
                {row.getVisibleCells().map((cell, i) =>
                  i === 0 ? (
                    <th key={cell.id} scope="row">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id} className={(cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? 'cell-number' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
          {after > 0 ? <tr aria-hidden="true" style={{ height: after }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
