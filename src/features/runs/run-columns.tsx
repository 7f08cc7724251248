// The run table's columns: fixed attributes, then one column per param, metric and tag key.
// Ids are MLflow's own order-by names (metrics.<key>, params.<key>, tags.<key>,
// attributes.<name>), so the URL's orderByKey reads like a search and a column id says
// where its values come from.
import type { ReactNode } from 'react';
import { formatTimestamp, describeTimestamp } from '@/lib/format-time.ts';
import { formatDuration, formatMetric } from '@/lib/format-value.ts';
import { csvTimestamp, type CsvCell } from '@/lib/csv.ts';
import type { RunKeys } from './collect-keys.ts';
import { GroupMetricCell } from './group-metric-cell.tsx';
import { LongTextCell } from './long-text-cell.tsx';
import { modelCount, ModelsCell } from './models-cell.tsx';
import { RunStatusBadge } from '@/widgets/run-status-badge.tsx';
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
  render: (row: TableRow) => ReactNode;
}

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
    render: (row) => {
      const text = value(row);
      return text === undefined ? null : <LongTextCell text={text} label={header} />;
    },
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
    render: (row) => (row.kind === 'run' ? formatMetric(row.run.metrics[key]) : <GroupMetricCell stats={row.metrics[key]} />),
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
      render: () => null,
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
      render: (row) => (row.kind === 'run' ? <RunStatusBadge status={row.run.status} /> : null),
    },
    {
      id: 'attributes.start_time',
      header: 'Started',
      kind: 'attribute',
      size: 150,
      value: (row) => runOf(row)?.startTime,
      csv: (row) => csvTimestamp(runOf(row)?.startTime),
      render: (row) =>
        row.kind === 'run' ? <span title={describeTimestamp(row.run.startTime)}>{formatTimestamp(row.run.startTime)}</span> : null,
    },
    {
      id: 'attributes.duration',
      header: 'Duration',
      kind: 'attribute',
      size: 100,
      value: (row) => (row.kind === 'run' ? durationOf(row.run, now) : undefined),
      csv: (row) => (row.kind === 'run' ? durationOf(row.run, now) : undefined),
      render: (row) => (row.kind === 'run' ? formatDuration(durationOf(row.run, now)) : null),
    },
    textColumn('attributes.user', 'User', 'attribute', (run) => run.user, 110),
    {
      id: 'attributes.models',
      header: 'Models',
      kind: 'attribute',
      size: 130,
      value: (row) => (row.kind === 'run' ? modelCount(row.run) || undefined : undefined),
      csv: (row) => (row.kind === 'run' ? [...row.run.modelPaths, ...row.run.modelIds].join(' ') || undefined : undefined),
      render: (row) => (row.kind === 'run' && modelCount(row.run) > 0 ? <ModelsCell run={row.run} /> : null),
    },
    textColumn('tags.mlflow.source.name', 'Source', 'attribute', (run) => run.tags['mlflow.source.name'], 180),
    ...keys.params.map((key) => textColumn(`params.${key}`, key, 'param', (run) => run.params[key], 120, groupBy)),
    ...keys.metrics.map(metricColumn),
    ...tags
      .filter((key) => key !== 'mlflow.source.name')
      .map((key) => textColumn(`tags.${key}`, key, 'tag', (run) => run.tags[key], 140, groupBy)),
  ];
}
