import { memo } from 'react';
import { stickyOffsets, type ColumnWindow } from './column-geometry.ts';
import { RunCell } from './run-cell.tsx';
import { NAME_COLUMN_ID, type RunColumn } from './run-columns.ts';
import { RunNameCell, type RowActions } from './run-name-cell.tsx';
import type { TableRow, VisibleRow } from './row-tree.ts';

export interface RunTableRowProps extends ColumnWindow {
  row: VisibleRow;
  rowIndex: number;
  selected: boolean;
  actions: RowActions;
  /** The column whose cell is the grid's one tab stop, when it is in this row. */
  tabStopColumn: string | undefined;
}

function rowClass(row: TableRow, selected: boolean): string {
  const classes = [];
  if (row.kind === 'group') classes.push('row--group');
  else if (row.isContext) classes.push('row--context');
  if (selected) classes.push('row--selected');
  return classes.join(' ');
}

/**
 * One body row of the treegrid: pinned cells (the run name is the row header), then the
 * horizontal window. Every cell is focusable (tabindex -1) for the arrow keys; one is the tab stop.
 */
export const RunTableRow = memo(function RunTableRow({
  row,
  rowIndex,
  left,
  shown,
  width,
  colIndex,
  gutter,
  selected,
  actions,
  tabStopColumn,
}: RunTableRowProps) {
  const offsets = stickyOffsets(left, width);
  const tabIndex = (column: RunColumn) => (column.id === tabStopColumn ? 0 : -1);
  return (
    <tr
      aria-rowindex={rowIndex}
      aria-level={row.depth + 1}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-expanded={row.row.subRows.length > 0 ? row.expanded : undefined}
      aria-selected={selected}
      className={rowClass(row.row, selected) || undefined}
    >
      {left.map((column, i) =>
        column.id === NAME_COLUMN_ID ? (
          <th
            key={column.id}
            scope="row"
            className="col--pinned"
            style={{ width: width(column), left: offsets[i] }}
            aria-colindex={colIndex.get(column.id)}
            tabIndex={tabIndex(column)}
          >
            <RunNameCell row={row} selected={selected} actions={actions} />
          </th>
        ) : (
          <td
            key={column.id}
            className={`col--pinned${column.numeric ? ' cell-number' : ''}`}
            style={{ width: width(column), left: offsets[i] }}
            aria-colindex={colIndex.get(column.id)}
            tabIndex={tabIndex(column)}
          >
            <RunCell column={column} row={row.row} />
          </td>
        ),
      )}
      {gutter.padStart > 0 ? <td aria-hidden="true" className="col-gap" /> : null}
      {shown.map((column) => (
        <td
          key={column.id}
          className={column.numeric ? 'cell-number' : undefined}
          aria-colindex={colIndex.get(column.id)}
          tabIndex={tabIndex(column)}
        >
          <RunCell column={column} row={row.row} />
        </td>
      ))}
      {gutter.padEnd > 0 ? <td aria-hidden="true" className="col-gap" /> : null}
    </tr>
  );
});
