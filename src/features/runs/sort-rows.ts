// Sorting of the run tree: each level on its own, so children stay under their parent, and
// missing values (undefined, NaN) last in both directions, as MLflow's own search orders them.
import { compareText } from '../../../contract/display/compare.ts';
import { sortTree, type TableRow } from './row-tree.ts';

type SortValue = string | number | undefined;

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}

export function sortRows<R extends TableRow>(rows: readonly R[], value: (row: TableRow) => SortValue, ascending: boolean): R[] {
  // Each row's value is read once per sort, not once per comparison.
  const keys = new Map<TableRow, SortValue>();
  const keyOf = (row: TableRow) => {
    if (!keys.has(row)) keys.set(row, value(row));
    return keys.get(row);
  };
  return sortTree(rows, (rowA, rowB) => {
    const a = keyOf(rowA);
    const b = keyOf(rowB);
    if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
    const order = compareValues(a, b);
    return ascending ? order : -order;
  });
}
