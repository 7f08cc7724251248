import type { ColumnDef } from '@tanstack/react-table';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { describeTimestamp, formatTimestamp } from '@/lib/format-time.ts';
import { formatDuration, formatMetric } from '@/lib/format-value.ts';
import type { RunKeys } from './collect-keys.ts';
import { RunNameCell } from './run-name-cell.tsx';
import { RunStatusBadge } from './run-status.tsx';
import type { RunRow } from './use-run-rows.ts';

/** Column ids are MLflow's own order-by names, so the URL's orderByKey reads like a search. */
export function buildRunColumns(keys: RunKeys, now: number): ColumnDef<RunRow>[] {
  const text = (id: string, header: string, get: (row: RunRow) => string | undefined, size = 140): ColumnDef<RunRow> => ({
    id,
    header,
    size,
    accessorFn: (row) => get(row) || undefined,
    sortUndefined: 'last',
    cell: ({ getValue }) => <TruncatedText text={(getValue() as string | undefined) ?? ''} max={300} />,
  });
  return [
    {
      id: 'attributes.run_name',
      header: 'Run name',
      size: 280,
      accessorFn: (row) => row.run.name,
      cell: ({ row }) => <RunNameCell row={row} />,
    },
    {
      id: 'attributes.status',
      header: 'Status',
      size: 100,
      accessorFn: (row) => row.run.status,
      cell: ({ row }) => <RunStatusBadge status={row.original.run.status} />,
    },
    {
      id: 'attributes.start_time',
      header: 'Started',
      size: 150,
      accessorFn: (row) => row.run.startTime,
      sortUndefined: 'last',
      cell: ({ row }) => <span title={describeTimestamp(row.original.run.startTime)}>{formatTimestamp(row.original.run.startTime)}</span>,
    },
    {
      id: 'attributes.duration',
      header: 'Duration',
      size: 100,
      // A RUNNING run has no end time: its duration is the time elapsed so far.
      accessorFn: ({ run }) => (run.startTime === undefined ? undefined : (run.endTime ?? (run.status === 'RUNNING' ? now : undefined)) ?? undefined),
      sortUndefined: 'last',
      cell: ({ row: { original } }) => {
        const { startTime, endTime, status } = original.run;
        const end = endTime ?? (status === 'RUNNING' ? now : undefined);
        return formatDuration(startTime === undefined || end === undefined ? undefined : end - startTime);
      },
    },
    text('attributes.user', 'User', (row) => row.run.user, 110),
    text('tags.mlflow.source.name', 'Source', (row) => row.run.tags['mlflow.source.name'], 180),
    ...keys.params.map((key) => text(`params.${key}`, key, (row) => row.run.params[key], 120)),
    ...keys.metrics.map(
      (key): ColumnDef<RunRow> => ({
        id: `metrics.${key}`,
        header: key,
        size: 110,
        meta: { numeric: true },
        // NaN sorts with the missing values, last in both directions.
        accessorFn: (row) => {
          const value = row.run.metrics[key];
          return value === undefined || Number.isNaN(value) ? undefined : value;
        },
        sortUndefined: 'last',
        cell: ({ row }) => formatMetric(row.original.run.metrics[key]),
      }),
    ),
    ...keys.tags.map((key) => text(`tags.${key}`, key, (row) => row.run.tags[key], 140)),
  ];
}
