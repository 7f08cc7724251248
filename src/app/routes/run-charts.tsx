// The run table's chart view, composed from two features: a metric logged once per run (a
// final score) as bars, one per run (compare's MetricBars), and every metric with a history as
// line or envelope charts (the charts feature), where a running run follows live (refresh=).
import { useMemo, useRef } from 'react';
import { isLiveStatus, type Run } from '@/api/runs.ts';
import { useElementWidth } from '@/components/use-element-width.ts';
import { MetricChartsPanel } from '@/features/charts/metric-charts-panel.tsx';
import { MetricBars } from '@/features/compare/metric-bars.tsx';
import { runColors } from '@/lib/run-color.ts';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';

const NO_OVERRIDES = {};

// Default export: loaded by run-charts-slot.tsx only when the chart view opens.
export default function RunCharts({ runs, metricKeys }: { runs: readonly Run[]; metricKeys: readonly string[] }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const stepped = useMemo(() => metricKeys.filter((key) => runs.some((run) => run.steppedMetrics[key])), [runs, metricKeys]);
  const single = useMemo(
    () => metricKeys.filter((key) => !stepped.includes(key) && runs.some((run) => Object.hasOwn(run.metrics, key))),
    [runs, metricKeys, stepped],
  );
  const chartRuns = useMemo(
    () => runs.map((run) => ({ runId: run.runId, name: run.name, startTime: run.startTime, live: isLiveStatus(run.status) })),
    [runs],
  );
  // The same colours as the line charts' legends: by position in the drawn list.
  const colors = useMemo(() => runColors(runs.map((run) => run.runId)), [runs]);
  return (
    <div ref={box}>
      {stepped.length > 0 ? <MetricChartsPanel runs={chartRuns} metricKeys={stepped} /> : null}
      {single.length > 0 && width > 0 ? (
        <PanelBoundary label="The bar charts failed" resetKeys={[runs]}>
          <MetricBars runs={runs} colors={colors} metricKeys={single} directions={NO_OVERRIDES} width={width} />
        </PanelBoundary>
      ) : null}
      {stepped.length === 0 && single.length === 0 ? <p className="empty-state">These runs logged no metrics.</p> : null}
    </div>
  );
}
