// Runs side by side, chosen in the run table or named by a portal's link (ids, or a query that
// stays current): who they are, the table of params, metrics and tags with the best values
// marked, plots (parallel coordinates, scatter, box, heatmap, a bar per single-value metric) and,
// through the `charts` slot the route fills, a line chart per stepped metric. Every choice is in
// the URL. Runs that fail to load are named, not fatal; every part fails alone.
import { useDeferredValue, useMemo, useRef, type ReactNode } from 'react';
import type { Run } from '@/api/runs.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { useRenderPending } from '@/components/render-pending.ts';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { useElementWidth } from '@/components/use-element-width.ts';
import { useSearchState } from '@/components/use-search-state.ts';
import { decodeDirections, encodeDirections } from '@/lib/compare/best-direction.ts';
import { decodeBrushes } from '@/lib/compare/brush.ts';
import { compareModel, ONLY_DIFFERENCES_ABOVE } from '@/lib/compare/compare-rows.ts';
import { defaultSweepMetric, detectSweep } from '@/lib/compare/sweep.ts';
import { compareText } from '../../../contract/display/compare.ts';
import { runColors } from '@/lib/run-color.ts';
import { splitList } from '@/lib/search-params.ts';
import { ComparedRunsList } from './compared-runs-list.tsx';
import { ComparePlots } from './compare-plots.tsx';
import { CompareTable } from './compare-table.tsx';
import { MetricBars } from './metric-bars.tsx';
import { brushedRunIds, parallelAxes } from './parallel-axes.ts';
import type { PlotDefaults } from './plot-inputs.ts';
import { useComparedRuns } from './use-compared-runs.ts';
import { useHistoryRanges } from './use-history-ranges.ts';
import { compareRunsSchema, compareSearchSchema } from './url-state.ts';
import './compare-plots.css';

export interface ComparePageProps {
  /** Line charts of the metrics logged at several steps. */
  charts: (runs: readonly Run[], metricKeys: readonly string[]) => ReactNode;
}

const keysOf = (runs: readonly Run[], pick: (run: Run) => object) =>
  [...new Set(runs.flatMap((run) => Object.keys(pick(run))))].sort(compareText);

const NO_RUNS: readonly Run[] = [];

export function ComparePage({ charts }: ComparePageProps) {
  const [selection] = useSearchState(compareRunsSchema);
  const [search, update] = useSearchState(compareSearchSchema);
  const compared = useComparedRuns(selection);
  const { runs } = compared;
  const widthRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(widthRef, 900);

  const params = useMemo(() => keysOf(runs, (run) => run.params), [runs]);
  const metrics = useMemo(() => keysOf(runs, (run) => run.metrics), [runs]);
  const stepped = useMemo(() => metrics.filter((key) => runs.some((run) => run.steppedMetrics[key])), [runs, metrics]);
  const singleValued = useMemo(() => metrics.filter((key) => !stepped.includes(key)), [metrics, stepped]);
  const colors = useMemo(() => runColors(runs.map((run) => run.runId)), [runs]);
  const directions = useMemo(() => decodeDirections(search.best), [search.best]);
  const brushes = useMemo(() => decodeBrushes(search.brush), [search.brush]);
  const logAxes = useMemo(() => new Set(splitList(search.log)), [search.log]);
  const defaults = useMemo((): PlotDefaults => {
    const sweep = detectSweep(runs);
    return { varying: sweep.varying, metric: defaultSweepMetric(sweep, runs) };
  }, [runs]);
  const parallel = useMemo(() => parallelAxes(runs, search.axes, defaults, logAxes), [runs, search.axes, defaults, logAxes]);
  const brushed = useMemo(() => brushedRunIds(runs, parallel, brushes), [runs, parallel, brushes]);
  const tableRuns = useMemo(() => (brushed ? runs.filter((run) => brushed.has(run.runId)) : runs), [runs, brushed]);
  const ranges = useHistoryRanges(runs, stepped);
  // The plots draw from a deferred copy: the table shows at once, and the plots of 100 runs
  // (thousands of SVG marks) render in slices after it instead of in one long task. Until they
  // catch up they count as a drawing under way for the ready signal.
  const plotRuns = useDeferredValue(runs, NO_RUNS);
  useRenderPending(plotRuns !== runs);
  const onlyDifferences = search.onlyDifferences ?? params.length > ONLY_DIFFERENCES_ABOVE;
  const model = useMemo(
    () => compareModel(tableRuns, { onlyDifferences, systemTags: search.systemTags, directions, ranges }),
    [tableRuns, onlyDifferences, search.systemTags, directions, ranges],
  );
  useDocumentTitle(`Compare ${compared.mode === 'query' ? `top ${compared.asked}` : compared.asked} runs`);

  const heading =
    compared.mode === 'query'
      ? `Comparing the first ${runs.length} runs of a query`
      : `Comparing ${compared.asked === 1 ? '1 run' : `${compared.asked} runs`}`;
  return (
    <main className="page compare-page" aria-labelledby="page-heading">
      <h1 id="page-heading">{heading}</h1>
      {compared.mode === 'query' ? (
        <p className="muted">
          Ordered by {selection.orderByKey} {selection.orderByAsc ? 'ascending' : 'descending'}
          {selection.searchFilter ? `, where ${selection.searchFilter}` : ''}; up to {selection.count}. The link stays current as runs are
          logged.
        </p>
      ) : null}
      {compared.omitted > 0 ? (
        <p className="muted" role="status">
          The link names {(compared.asked + compared.omitted).toLocaleString('en-US')} runs; showing the first {compared.asked}. Name more
          runs with a query (experiments, searchFilter, orderByKey, count).
        </p>
      ) : null}
      {compared.mode === 'ids' && compared.asked === 0 ? (
        <p className="empty-state">No runs chosen: select runs in a run table and press Compare.</p>
      ) : null}
      <ComparedRunsList runs={runs} colors={colors} />
      {compared.failedIds.length > 0 ? (
        <p className="error-state error-state--compact" role="alert">
          Could not load {compared.failedIds.length === 1 ? 'run' : 'runs'} {compared.failedIds.join(', ')}.
        </p>
      ) : null}
      {compared.error ? <ErrorState error={compared.error} /> : null}
      {compared.pending ? <Loading label="Loading runs" /> : null}
      <div ref={widthRef}>
        {compared.pending || runs.length === 0 ? null : (
          <>
            <div className="toolbar" data-interactive>
              <label className="toolbar__toggle">
                <input type="checkbox" checked={onlyDifferences} onChange={(e) => update({ onlyDifferences: e.target.checked })} />
                Only differences
              </label>
              <label className="toolbar__toggle">
                <input type="checkbox" checked={search.systemTags} onChange={(e) => update({ systemTags: e.target.checked })} />
                System tags
              </label>
            </div>
            {/* Always there, one line high: a brush fills it without moving the page below. */}
            <p role="status" className="compare-page__filtered">
              {brushed ? (
                <>
                  Showing {tableRuns.length} of {runs.length} runs, filtered by the parallel coordinates.{' '}
                  <button type="button" onClick={() => update({ brush: '' })}>
                    Clear filters
                  </button>
                </>
              ) : null}
            </p>
            <PanelBoundary label="The comparison table failed" resetKeys={[model]}>
              <CompareTable
                runs={tableRuns}
                colors={colors}
                model={model}
                onDirectionChange={(key, direction) => update({ best: encodeDirections({ ...directions, [key]: direction }) })}
              />
            </PanelBoundary>
            <ComparePlots
              runs={plotRuns}
              colors={colors}
              search={search}
              update={update}
              params={params}
              metrics={metrics}
              defaults={defaults}
              directions={directions}
              brushes={brushes}
              logAxes={logAxes}
              width={width}
              parallel={parallel}
              brushed={brushed}
            />
            <PanelBoundary label="The bar charts failed" resetKeys={[runs, directions]}>
              <MetricBars runs={plotRuns} colors={colors} metricKeys={singleValued} directions={directions} width={width} />
            </PanelBoundary>
            {stepped.length > 0 ? <PanelBoundary label="The charts failed">{charts(runs, stepped)}</PanelBoundary> : null}
          </>
        )}
      </div>
    </main>
  );
}
