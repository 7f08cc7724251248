// Draws one cell of the run table from its column's description (run-columns.ts).
import { formatTimestamp, describeTimestamp } from '../../../contract/display/format-time.ts';
import { formatDuration, formatMetric } from '../../../contract/display/format-value.ts';
import { RunStatusBadge } from '@/widgets/run-status-badge.tsx';
import { GroupMetricCell } from './group-metric-cell.tsx';
import { LongTextCell } from './long-text-cell.tsx';
import { ModelsCell } from './models-cell.tsx';
import { modelCount, type RunColumn } from './run-columns.ts';
import type { TableRow } from './row-tree.ts';

export function RunCell({ column, row }: { column: RunColumn; row: TableRow }) {
  switch (column.cell) {
    case 'name':
      return null;
    case 'text': {
      const text = column.value(row);
      return text === undefined ? null : <LongTextCell text={String(text)} label={column.header} />;
    }
    case 'metric': {
      const key = column.metricKey ?? '';
      return row.kind === 'run' ? formatMetric(row.run.metrics[key]) : <GroupMetricCell stats={row.metrics[key]} />;
    }
    case 'status':
      return row.kind === 'run' ? <RunStatusBadge status={row.run.status} /> : null;
    case 'time':
      return row.kind === 'run' ? <span title={describeTimestamp(row.run.startTime)}>{formatTimestamp(row.run.startTime)}</span> : null;
    case 'duration': {
      // "—" for a run whose span is unknown; nothing on a group row.
      const duration = column.value(row);
      return row.kind === 'run' ? formatDuration(typeof duration === 'number' ? duration : undefined) : null;
    }
    case 'models':
      return row.kind === 'run' && modelCount(row.run) > 0 ? <ModelsCell run={row.run} /> : null;
  }
}
