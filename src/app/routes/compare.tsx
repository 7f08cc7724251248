import { MetricChartsPanel } from '@/features/charts/metric-charts-panel.tsx';
import { ComparePage } from '@/features/compare/compare-page.tsx';

export function Component() {
  return (
    <ComparePage
      charts={(runs, metricKeys) => (
        <MetricChartsPanel
          runs={runs.map((run) => ({ runId: run.runId, name: run.name, startTime: run.startTime }))}
          metricKeys={metricKeys}
        />
      )}
    />
  );
}
