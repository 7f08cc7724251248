import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { MetricChartsPanel } from '@/features/charts/metric-charts-panel.tsx';
import { ComparePage } from '@/features/compare/compare-page.tsx';

export function Component() {
  const [params] = useSearchParams();
  const list = params.get('runs') ?? '';
  const runIds = useMemo(() => [...new Set(list.split(',').filter(Boolean))], [list]);
  return (
    <ComparePage
      key={runIds.join(',')}
      runIds={runIds}
      charts={(runs, metricKeys) => (
        <MetricChartsPanel runs={runs.map((run) => ({ runId: run.runId, name: run.name, startTime: run.startTime }))} metricKeys={metricKeys} />
      )}
    />
  );
}
