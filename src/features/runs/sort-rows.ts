// Sorting of the run tree: each level on its own, so children stay under their parent, and
// missing values (undefined, NaN) last in both directions, as MLflow's own search orders them.
import { compareText } from '@/lib/compare.ts';
import type { TableRow } from './table-row.ts';

type SortValue = string | number | undefined;

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}

export function sortRows<R extends TableRow>(rows: readonly R[], value: (row: TableRow) => SortValue, ascending: boolean): R[] {
  const keyed = rows.map((row) => ({ row, key: value(row) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) return a.key === b.key ? 0 : a.key === undefined ? 1 : -1;
    const order = compareValues(a.key, b.key);
    return ascending ? order : -order;
  });
  return keyed.map(({ row }) => (row.subRows.length > 0 ? ({ ...row, subRows: sortRows(row.subRows, value, ascending) } as R) : row));
}

/** Every row of the tree in display order, expanded or not (for export). */
export function flattenRows(rows: readonly TableRow[], depth = 0, into: { row: TableRow; depth: number }[] = []) {
  for (const row of rows) {
    into.push({ row, depth });
    flattenRows(row.subRows, depth + 1, into);
  }
  return into;
}
