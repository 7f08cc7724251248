// The run table's chart view slot. Its charts (recharts and the bar plots) load only when the
// view opens, so the run table's own page does not wait for them; while they load, the page's
// ready signal is told a drawing is under way.
import { lazy, Suspense } from 'react';
import type { Run } from '@/api/runs.ts';
import { Loading } from '@/components/loading.tsx';
import { useRenderPending } from '@/components/render-pending.ts';

const RunCharts = lazy(() => import('./run-charts.tsx'));

function ChartsLoading() {
  useRenderPending(true);
  return <Loading label="Loading charts…" />;
}

export function runCharts(runs: readonly Run[], metricKeys: readonly string[]) {
  return (
    <Suspense fallback={<ChartsLoading />}>
      <RunCharts runs={runs} metricKeys={metricKeys} />
    </Suspense>
  );
}
