import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { isLiveStatus, runQueryOptions } from '@/api/runs.ts';
import { MetricChartsPanel } from '@/features/charts/metric-charts-panel.tsx';

export function Component() {
  const { runId = '' } = useParams();
  const run = useQuery(runQueryOptions(runId));
  const data = run.data;
  const runs = useMemo(
    () => (data ? [{ runId: data.runId, name: data.name, startTime: data.startTime, live: isLiveStatus(data.status) }] : []),
    [data],
  );
  const keys = useMemo(() => (data ? Object.keys(data.metrics) : []), [data]);
  if (!data) return null;
  return <MetricChartsPanel runs={runs} metricKeys={keys} />;
}
