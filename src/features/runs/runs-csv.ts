// The table as CSV: every run row in display order (collapsed children included), the shown
// columns in their order. Column names follow mlflow.search_runs()'s DataFrame (run_id,
// metrics.<key>, params.<key>, tags.<key>), so a notebook reads both the same way.
import { toCsv, type CsvCell } from '@/lib/csv.ts';
import type { RunColumn } from './run-columns.ts';
import { flattenRows, type TableRow } from './row-tree.ts';

const csvName = (column: RunColumn) => column.id.replace(/^attributes\./, '');

export function runsCsv(rows: readonly TableRow[], columns: readonly RunColumn[], only?: ReadonlySet<string>): string {
  const seen = new Set<string>();
  const lines: CsvCell[][] = [['run_id', 'experiment_id', 'parent_run_id', ...columns.map(csvName)]];
  for (const { row } of flattenRows(rows)) {
    // Grouped tables hold each run once, flat, under its group.
    if (row.kind !== 'run' || seen.has(row.run.runId)) continue;
    if (only && !only.has(row.run.runId)) continue;
    seen.add(row.run.runId);
    lines.push([row.run.runId, row.run.experimentId, row.run.parentRunId, ...columns.map((column) => column.csv(row))]);
  }
  return toCsv(lines);
}
