// Which runs the chart view beside the table draws: the selected ones when there are any, else
// the first N runs as the table shows them (its sort, filter, grouping and expanded parents).
import type { Run } from '@/api/runs.ts';
import { flattenRows, visibleRows, type Expansion, type TableRow } from './row-tree.ts';

export const CHART_RUN_COUNTS = ['10', '20', '50', '100', 'all'] as const;
export type ChartRunCount = (typeof CHART_RUN_COUNTS)[number];

export interface ChartRunChoice {
  runs: Run[];
  /** Why these: the selection, or the table's first rows. */
  source: 'selected' | 'first';
  /** Runs the choice could have drawn (selected ones found, or rows shown), for "10 of 240". */
  available: number;
}

export function chartRuns(
  rows: readonly TableRow[],
  expansion: Expansion,
  selected: ReadonlySet<string>,
  count: ChartRunCount,
): ChartRunChoice {
  if (selected.size > 0) {
    // In the table's order, at any depth (a selected child of a collapsed parent counts).
    const runs = flattenRows(rows).flatMap(({ row }) => (row.kind === 'run' && selected.has(row.run.runId) ? [row.run] : []));
    return { runs, source: 'selected', available: runs.length };
  }
  // Context rows (a parent shown only for a matching child) did not match the filter: not drawn.
  const shown = visibleRows(rows, expansion).flatMap(({ row }) => (row.kind === 'run' && !row.isContext ? [row.run] : []));
  const limit = count === 'all' ? shown.length : Number(count);
  return { runs: shown.slice(0, limit), source: 'first', available: shown.length };
}
