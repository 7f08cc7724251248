import type { RunRow } from './table-row.ts';

export function countDescendantRows(row: RunRow): number {
  return row.subRows.reduce((sum, child) => sum + 1 + countDescendantRows(child), 0);
}
