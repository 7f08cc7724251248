import type { ReactNode } from 'react';
import { cellsRightOfKey } from './compare-row.tsx';
import type { ColumnWindow } from './use-column-virtualizer.ts';

export interface CompareSectionProps {
  /** "Parameters", "Metrics", "Tags". */
  title: string;
  shown: number;
  /** Rows before "only differences" hid some. */
  total: number;
  columns: ColumnWindow;
  children: ReactNode;
}

/** "Parameters (14)", or "Parameters (2 of 14)" when rows are hidden. */
export function sectionHeading(title: string, shown: number, total: number): string {
  return shown < total ? `${title} (${shown} of ${total})` : `${title} (${shown})`;
}

/** A row group with its heading in the sticky key column (a heading across the table would scroll away). */
export function CompareSection({ title, shown, total, columns, children }: CompareSectionProps) {
  const rest = cellsRightOfKey(columns);
  return (
    <tbody aria-label={title}>
      <tr className="compare-table__section">
        <th scope="rowgroup" className="compare-table__key" aria-colindex={1}>
          {sectionHeading(title, shown, total)}
        </th>
        {rest > 0 ? <td colSpan={rest} /> : null}
      </tr>
      {children}
    </tbody>
  );
}
