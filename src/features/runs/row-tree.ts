// The run table's one tree: the rows built by the forest builder (lib/run-tree.ts), grouped,
// sorted and drawn. Every walk over it lives here; the rules that use them (sort-rows.ts,
// group-rows.ts, table-model.ts) stay free of recursion.
import type { Run } from '@/api/runs.ts';
import type { ForestShape } from '@/lib/run-tree.ts';
import type { SummaryStats } from '@/lib/summary-stats.ts';

/** A run in the table, with its child runs below it. */
export interface RunRow {
  kind: 'run';
  run: Run;
  /** Shown only because a descendant matched the filter. */
  isContext: boolean;
  subRows: RunRow[];
}

/** Runs sharing one value of the group-by param or tag, with each metric summarised. */
export interface GroupRow {
  kind: 'group';
  /** The shared value; undefined for runs without the key. */
  value: string | undefined;
  label: string;
  metrics: Readonly<Record<string, SummaryStats>>;
  subRows: RunRow[];
}

export type TableRow = RunRow | GroupRow;

/** How the forest builder makes run rows: MLflow nests runs by the mlflow.parentRunId tag. */
export const runForest: ForestShape<Run, RunRow> = {
  id: (run) => run.runId,
  parentId: (run) => run.parentRunId,
  node: (run, isContext) => ({ kind: 'run', run, isContext, subRows: [] }),
};

/**
 * A row's key in the URL's expanded list and in React: a run's id, or for a group its encoded
 * value after "group:" (run ids are hex, so the two never collide; encoded to fit comma lists).
 */
export function rowId(row: TableRow): string {
  if (row.kind === 'run') return row.run.runId;
  return row.value === undefined ? 'group-none' : `group:${encodeURIComponent(row.value)}`;
}

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

/**
 * The rows the table draws, top to bottom: the tree flattened through the expanded parents.
 * One small entry per drawn row and nothing per hidden one, so 100,000 runs cost 100,000 of
 * these and no more (a table library's row model keeps ~40 closures per run, and rebuilt them
 * on every page of runs: most of a 630 MB heap and second-long tasks while paging).
 */
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

/** Every row of the tree in display order, expanded or not (for export). */
export function flattenRows(rows: readonly TableRow[], depth = 0, into: { row: TableRow; depth: number }[] = []) {
  for (const row of rows) {
    into.push({ row, depth });
    flattenRows(row.subRows, depth + 1, into);
  }
  return into;
}

/** Every run that matched (context rows never), at any depth, each without its children. */
export function matchingRuns(rows: readonly RunRow[], into: RunRow[] = []): RunRow[] {
  for (const row of rows) {
    if (!row.isContext) into.push({ ...row, subRows: [] });
    matchingRuns(row.subRows, into);
  }
  return into;
}

/** Each level ordered by `compare`, so children stay under their parent. */
export function sortTree<R extends TableRow>(rows: readonly R[], compare: (a: TableRow, b: TableRow) => number): R[] {
  return [...rows].sort(compare).map((row) => (row.subRows.length > 0 ? ({ ...row, subRows: sortTree(row.subRows, compare) } as R) : row));
}

/** Every run in a row's subtree: the run itself (not a group) and all runs below it. */
export function subtreeRunIds(row: TableRow, into: string[] = []): string[] {
  if (row.kind === 'run') into.push(row.run.runId);
  for (const child of row.subRows) subtreeRunIds(child, into);
  return into;
}

/** How many rows are below a row, at any depth (a parent's "N children" counts grandchildren too). */
export function countDescendantRows(row: TableRow): number {
  return row.subRows.reduce((sum, child) => sum + 1 + countDescendantRows(child), 0);
}
