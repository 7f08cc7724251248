// The Sweep tab of a parent run: its children as one search over params (GridSearchCV, Optuna,
// any mlflow.parentRunId tree). It finds the params that vary, ranks the children by a metric
// (best first, the best marked and linked), draws the metric over the varying params — a
// heatmap for two, parallel coordinates for more, a scatter for one — and opens the best N in
// the compare view.
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { childRunsQueryOptions, runQueryOptions } from '@/api/runs.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { useRenderPending } from '@/components/render-pending.ts';
import { useSearchState } from '@/components/use-search-state.ts';
import { guessDirection } from '@/lib/compare/best-direction.ts';
import { defaultSweepMetric, detectSweep, sweepRows } from '@/lib/compare/sweep.ts';
import { SweepControls } from './sweep-controls.tsx';
import { SweepPlot } from './sweep-plot.tsx';
import { SweepSummary } from './sweep-summary.tsx';
import { SweepTable } from './sweep-table.tsx';
import { sweepSearchSchema } from './url-state.ts';
import './sweep.css';

export interface SweepViewProps {
  experimentId: string;
  runId: string;
}

const NOTHING_TO_PLOT = { active: [], rows: [] };

export function SweepView({ experimentId, runId }: SweepViewProps) {
  const [search, update] = useSearchState(sweepSearchSchema);
  const run = useQuery(runQueryOptions(runId));
  const children = useQuery({ ...childRunsQueryOptions(run.data?.experimentId ?? experimentId, runId), enabled: run.isSuccess });
  // Deleted children are listed by the run header; a sweep judges the live ones.
  const active = useMemo(() => (children.data ?? []).filter((child) => child.lifecycleStage === 'active'), [children.data]);
  const sweep = useMemo(() => detectSweep(active), [active]);
  const metric = search.metric && sweep.metrics.includes(search.metric) ? search.metric : defaultSweepMetric(sweep, active);
  const direction = search.direction ?? (metric === undefined ? 'max' : guessDirection(metric));
  const rows = useMemo(() => (metric === undefined ? [] : sweepRows(active, sweep, metric, direction)), [active, sweep, metric, direction]);
  // The plot of 1,000 children draws from deferred inputs, in slices after the table, and
  // counts as a drawing under way for the ready signal until it has caught up.
  // (Deferred from the first render too: the run page has usually loaded the children already.)
  const plotInputs = useDeferredValue(
    useMemo(() => ({ active, rows }), [active, rows]),
    NOTHING_TO_PLOT,
  );
  useRenderPending(plotInputs.active !== active || plotInputs.rows !== rows);

  if (children.isError) return <ErrorState error={children.error} onRetry={() => void children.refetch()} />;
  if (!children.data) return <Loading label="Loading the child runs" />;
  if (active.length === 0) return <p className="empty-state">This run has no active child runs.</p>;
  return (
    <section className="sweep" aria-label="Sweep">
      <SweepSummary count={active.length} sweep={sweep} capped={(children.data?.length ?? 0) >= 1000} />
      <SweepControls sweep={sweep} metric={metric} direction={direction} rows={rows} search={search} update={update} />
      {metric === undefined ? (
        <p className="empty-state">The children logged no metrics to rank them by.</p>
      ) : (
        <>
          <PanelBoundary label="The sweep plot failed" resetKeys={[rows]}>
            <SweepPlot
              children={plotInputs.active}
              sweep={sweep}
              metric={metric}
              direction={direction}
              rows={plotInputs.rows}
              brush={search.brush}
              onBrush={(brush) => update({ brush })}
            />
          </PanelBoundary>
          <PanelBoundary label="The sweep table failed" resetKeys={[rows]}>
            <SweepTable
              experimentId={run.data?.experimentId ?? experimentId}
              sweep={sweep}
              metric={metric}
              rows={rows}
              all={search.all}
              onShowAll={() => update({ all: true })}
            />
          </PanelBoundary>
        </>
      )}
    </section>
  );
}
