import type { Run } from '@/api/runs.ts';
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
  id: string;
  /** The shared value; undefined for runs without the key. */
  value: string | undefined;
  label: string;
  metrics: Readonly<Record<string, SummaryStats>>;
  subRows: RunRow[];
}

export type TableRow = RunRow | GroupRow;

export const rowId = (row: TableRow) => (row.kind === 'run' ? row.run.runId : row.id);
