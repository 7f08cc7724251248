// Metrics with latest, min, max and the number of logged steps. min/max/steps need each
// metric's full history: fetched for up to HISTORY_LIMIT metrics (the same queries the charts
// use, so the cache is shared); above that, on request.
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { metricHistoryQueryOptions } from '@/api/metrics.ts';
import type { Run } from '@/api/runs.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';
import { summarize } from '@/lib/summary-stats.ts';
import { KeyValueTable } from './key-value-table.tsx';

const HISTORY_LIMIT = 30;

export function RunMetricsTable({ run }: { run: Run }) {
  const keys = Object.keys(run.metrics).sort((a, b) => a.localeCompare(b));
  const [loadAll, setLoadAll] = useState(false);
  const withHistory = loadAll || keys.length <= HISTORY_LIMIT ? keys : [];
  const histories = useQueries({ queries: withHistory.map((key) => metricHistoryQueryOptions(run.runId, key)) });
  const rows = keys.map((key, i) => {
    const points = histories[i]?.data;
    const stats = points ? summarize(points.values) : undefined;
    const pending = withHistory.length > 0 && !points;
    const stat = (value: number | undefined) => (pending ? '…' : value === undefined ? '—' : formatMetric(value));
    return {
      key,
      cells: [
        formatMetric(run.metrics[key]),
        stat(stats?.min),
        stat(stats?.max),
        pending ? '…' : points ? points.steps.length.toLocaleString() : '—',
      ],
    };
  });
  return (
    <>
      <KeyValueTable title="Metrics" headers={['Metric', 'Latest', 'Min', 'Max', 'Steps']} rows={rows} empty="No metrics logged." />
      {withHistory.length === 0 && keys.length > 0 ? (
        <button type="button" onClick={() => setLoadAll(true)}>
          Load min, max and steps of {keys.length.toLocaleString()} metrics
        </button>
      ) : null}
    </>
  );
}
