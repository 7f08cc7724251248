import { memo } from 'react';
import { stickyOffsets, type ColumnWindow } from './column-geometry.ts';
import { NAME_COLUMN_ID } from './run-columns.tsx';
import { RunNameCell, type RowActions } from './run-name-cell.tsx';
import type { TableRow } from './table-row.ts';
import type { VisibleRow } from './visible-rows.ts';

export interface RunTableRowProps extends ColumnWindow {
  row: VisibleRow;
  rowIndex: number;
  selected: boolean;
  actions: RowActions;
}

function rowClass(row: TableRow, selected: boolean): string {
  const classes = [];
  if (row.kind === 'group') classes.push('row--group');
  else if (row.isContext) classes.push('row--context');
  if (selected) classes.push('row--selected');
  return classes.join(' ');
}

/** One body row: pinned cells (the run name is the row header), then the horizontal window. */
export const RunTableRow = memo(function RunTableRow({ row, rowIndex, left, shown, width, colIndex, gutter, selected, actions }: RunTableRowProps) {
  const offsets = stickyOffsets(left, width);
  return (
    <tr aria-rowindex={rowIndex} aria-selected={selected} className={rowClass(row.row, selected) || undefined}>
      {left.map((column, i) =>
        column.id === NAME_COLUMN_ID ? (
          <th key={column.id} scope="row" className="col--pinned" style={{ width: width(column), left: offsets[i] }} aria-colindex={colIndex.get(column.id)}>
            <RunNameCell row={row} selected={selected} actions={actions} />
          </th>
        ) : (
          <td key={column.id} className={`col--pinned${column.numeric ? ' cell-number' : ''}`} style={{ width: width(column), left: offsets[i] }} aria-colindex={colIndex.get(column.id)}>
            {column.render(row.row)}
          </td>
        ),
      )}
      {gutter.padStart > 0 ? <td aria-hidden="true" className="col-gap" /> : null}
      {shown.map((column) => (
        <td key={column.id} className={column.numeric ? 'cell-number' : undefined} aria-colindex={colIndex.get(column.id)}>
          {column.render(row.row)}
        </td>
      ))}
      {gutter.padEnd > 0 ? <td aria-hidden="true" className="col-gap" /> : null}
    </tr>
  );
});
