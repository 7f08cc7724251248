// The rows the table draws, top to bottom: the tree flattened through the expanded parents.
// One small entry per drawn row and nothing per hidden one, so 100,000 runs cost 100,000 of
// these and no more (a table library's row model keeps ~40 closures per run, and rebuilt them
// on every page of runs: most of a 630 MB heap and second-long tasks while paging).
import { rowId, type TableRow } from './table-row.ts';

export interface VisibleRow {
  id: string;
  row: TableRow;
  depth: number;
  /** Its children are drawn below it (false for rows without children). */
  expanded: boolean;
  /** 1-based place among its siblings, and their number (aria-posinset / aria-setsize). */
  position: number;
  siblings: number;
}

export type Expansion = true | Readonly<Record<string, boolean>>;

export function visibleRows(rows: readonly TableRow[], expansion: Expansion): VisibleRow[] {
  const out: VisibleRow[] = [];
  const visit = (level: readonly TableRow[], depth: number) => {
    for (let i = 0; i < level.length; i++) {
      const row = level[i] as TableRow;
      const id = rowId(row);
      const expanded = row.subRows.length > 0 && (expansion === true || expansion[id] === true);
      out.push({ id, row, depth, expanded, position: i + 1, siblings: level.length });
      if (expanded) visit(row.subRows, depth + 1);
    }
  };
  visit(rows, 0);
  return out;
}

/** Ids of every row that has children, at any depth: what "expand all" expands. */
export function parentIds(rows: readonly TableRow[], into: string[] = []): string[] {
  for (const row of rows) {
    if (row.subRows.length === 0) continue;
    into.push(rowId(row));
    parentIds(row.subRows, into);
  }
  return into;
}
