import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { MetricChartsPanel } from '@/features/charts/metric-charts-panel.tsx';
import { ComparePage, MAX_COMPARED_RUNS } from '@/features/compare/compare-page.tsx';

export function Component() {
  const [params] = useSearchParams();
  const list = params.get('runs') ?? '';
  const requested = useMemo(() => [...new Set(list.split(',').filter(Boolean))], [list]);
  // A hand-made link may name thousands of runs; each is a request and a chart line.
  const runIds = useMemo(() => requested.slice(0, MAX_COMPARED_RUNS), [requested]);
  return (
    <ComparePage
      key={runIds.join(',')}
      runIds={runIds}
      omitted={requested.length - runIds.length}
      charts={(runs, metricKeys) => (
        <MetricChartsPanel runs={runs.map((run) => ({ runId: run.runId, name: run.name, startTime: run.startTime }))} metricKeys={metricKeys} />
      )}
    />
  );
}
