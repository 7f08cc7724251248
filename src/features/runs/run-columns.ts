// The run table's columns: fixed attributes, then one column per param, metric and tag key.
// Ids are MLflow's own order-by names (metrics.<key>, params.<key>, tags.<key>,
// attributes.<name>), so the URL's orderByKey reads like a search and a column id says
// where its values come from. Columns are described here; run-cell.tsx draws their cells.
import { csvTimestamp, type CsvCell } from '@/lib/csv.ts';
import type { RunKeys } from './collect-keys.ts';
import type { Run } from '@/api/runs.ts';
import type { RunRow, TableRow } from './row-tree.ts';

export type ColumnKind = 'attribute' | 'param' | 'metric' | 'tag';

export interface RunColumn {
  id: string;
  header: string;
  kind: ColumnKind;
  /** Default width in px. */
  size: number;
  numeric?: boolean;
  /** What sorting compares; undefined (missing, NaN) sorts last. */
  value: (row: TableRow) => string | number | undefined;
  /** The cell as exported to CSV: full text, numbers as numbers. */
  csv: (row: TableRow) => CsvCell;
  /** How its cells are drawn (run-cell.tsx). */
  cell: CellKind;
  /** A metric column's key: its cell shows the raw value (NaN as NaN) or a group's summary. */
  metricKey?: string;
}

/**
 * The kinds of cell: `name` is the row header the table draws itself; `text` and `time` and
 * `duration` show the column's value; the others read the row.
 */
export type CellKind = 'name' | 'text' | 'metric' | 'status' | 'time' | 'duration' | 'models';

export const modelCount = (run: Run) => run.modelIds.length + run.modelPaths.length;

export const NAME_COLUMN_ID = 'attributes.run_name';

const runOf = (row: TableRow): RunRow['run'] | undefined => (row.kind === 'run' ? row.run : undefined);

function textColumn(
  id: string,
  header: string,
  kind: ColumnKind,
  get: (run: RunRow['run']) => string | undefined,
  size: number,
  groupValue?: string,
): RunColumn {
  const value = (row: TableRow) => {
    if (row.kind === 'group') return groupValue !== undefined && id === groupValue ? row.value : undefined;
    return get(row.run) || undefined;
  };
  return {
    id,
    header,
    kind,
    size,
    value,
    csv: (row) => value(row),
    cell: 'text',
  };
}

function metricColumn(key: string): RunColumn {
  return {
    id: `metrics.${key}`,
    header: key,
    kind: 'metric',
    size: 110,
    numeric: true,
    value: (row) => {
      const value = row.kind === 'run' ? row.run.metrics[key] : row.metrics[key]?.mean;
      return value === undefined || Number.isNaN(value) ? undefined : value;
    },
    csv: (row) => (row.kind === 'run' ? row.run.metrics[key] : row.metrics[key]?.mean),
    cell: 'metric',
    metricKey: key,
  };
}

function durationOf(run: RunRow['run'], now: number): number | undefined {
  // A RUNNING run has no end time: its duration is the time elapsed so far.
  const end = run.endTime ?? (run.status === 'RUNNING' ? now : undefined);
  return run.startTime === undefined || end === undefined ? undefined : end - run.startTime;
}

export interface RunColumnOptions {
  now: number;
  systemTags: boolean;
  groupBy: string;
  /** Experiment id → name, when the table holds runs of several experiments. */
  experimentNames?: ReadonlyMap<string, string> | undefined;
}

export function buildRunColumns(keys: RunKeys, options: RunColumnOptions): RunColumn[] {
  const { now, groupBy, experimentNames } = options;
  const tags = options.systemTags ? [...keys.tags, ...keys.systemTags] : keys.tags;
  return [
    {
      id: NAME_COLUMN_ID,
      header: 'Run name',
      kind: 'attribute',
      size: 300,
      value: (row) => (row.kind === 'run' ? row.run.name : row.label),
      csv: (row) => (row.kind === 'run' ? row.run.name : row.label),
      // Drawn by the table itself (row header with expander, selection and link).
      cell: 'name',
    },
    ...(experimentNames
      ? [
          textColumn(
            'attributes.experiment_id',
            'Experiment',
            'attribute',
            (run) => experimentNames.get(run.experimentId) ?? run.experimentId,
            160,
          ),
        ]
      : []),
    {
      id: 'attributes.status',
      header: 'Status',
      kind: 'attribute',
      size: 100,
      value: (row) => runOf(row)?.status,
      csv: (row) => runOf(row)?.status,
      cell: 'status',
    },
    {
      id: 'attributes.start_time',
      header: 'Started',
      kind: 'attribute',
      size: 150,
      value: (row) => runOf(row)?.startTime,
      csv: (row) => csvTimestamp(runOf(row)?.startTime),
      cell: 'time',
    },
    {
      id: 'attributes.duration',
      header: 'Duration',
      kind: 'attribute',
      size: 100,
      value: (row) => (row.kind === 'run' ? durationOf(row.run, now) : undefined),
      csv: (row) => (row.kind === 'run' ? durationOf(row.run, now) : undefined),
      cell: 'duration',
    },
    textColumn('attributes.user', 'User', 'attribute', (run) => run.user, 110),
    {
      id: 'attributes.models',
      header: 'Models',
      kind: 'attribute',
      size: 130,
      value: (row) => (row.kind === 'run' ? modelCount(row.run) || undefined : undefined),
      csv: (row) => (row.kind === 'run' ? [...row.run.modelPaths, ...row.run.modelIds].join(' ') || undefined : undefined),
      cell: 'models',
    },
    textColumn('tags.mlflow.source.name', 'Source', 'attribute', (run) => run.tags['mlflow.source.name'], 180),
    ...keys.params.map((key) => textColumn(`params.${key}`, key, 'param', (run) => run.params[key], 120, groupBy)),
    ...keys.metrics.map(metricColumn),
    ...tags
      .filter((key) => key !== 'mlflow.source.name')
      .map((key) => textColumn(`tags.${key}`, key, 'tag', (run) => run.tags[key], 140, groupBy)),
  ];
}
