import type { ReactNode } from 'react';
import type { ColumnWindow } from './use-column-virtualizer.ts';

export interface CompareRowProps {
  columns: ColumnWindow;
  /** The sticky first cell: a row header (or the corner header). */
  header: ReactNode;
  /** The cell of the run at this index of the runs (a <td>, or a <th scope="col">). */
  cell: (index: number) => ReactNode;
  className?: string | undefined;
}

/**
 * One table row over the drawn run columns. The columns left out are stood for by one
 * empty cell each side, hidden from assistive tech, so every row has the same cells as the
 * <colgroup> and the table stays a table.
 */
export function CompareRow({ columns, header, cell, className }: CompareRowProps) {
  return (
    <tr className={className}>
      {header}
      {columns.padStart > 0 ? <td aria-hidden="true" className="compare-table__gap" /> : null}
      {columns.shown.map(cell)}
      {columns.padEnd > 0 ? <td aria-hidden="true" className="compare-table__gap" /> : null}
    </tr>
  );
}

/** The number of cells right of the key column, gaps included: the colSpan of a full-width cell. */
export function cellsRightOfKey(columns: ColumnWindow): number {
  return columns.shown.length + (columns.padStart > 0 ? 1 : 0) + (columns.padEnd > 0 ? 1 : 0);
}

/** Column index for aria-colindex: the key column is 1, run i is i + 2. */
export const runColIndex = (index: number) => index + 2;
