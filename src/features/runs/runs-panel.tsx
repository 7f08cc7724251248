import { useMemo } from 'react';
import { describeError } from '@/api/describe-error.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { LiveIndicator } from '@/components/live-indicator.tsx';
import { useFirstRowsPreview } from '@/components/first-rows-preview.ts';
import { Loading } from '@/components/loading.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { useSearchState } from '@/components/use-search-state.ts';
import { chartRuns } from './chart-runs.ts';
import { RunChartsView, type RunChartsSlot } from './run-charts-view.tsx';
import { RunSearchBar } from './run-search-bar.tsx';
import { RunTable } from './run-table.tsx';
import { RunTableTools } from './run-table-tools.tsx';
import { runTableSearchSchema } from './url-state.ts';
import { useRunRows } from './use-run-rows.ts';
import { useRunTableView } from './use-run-table-view.ts';

export interface RunsPanelProps {
  experimentIds: readonly string[];
  /** Names the CSV export. */
  exportName: string;
  /** Given for several experiments at once: adds an Experiment column. */
  experimentNames?: ReadonlyMap<string, string> | undefined;
  /** Metric charts of given runs (the charts feature, composed in by the route): adds the chart view. */
  charts?: RunChartsSlot | undefined;
}

const count = new Intl.NumberFormat();

export function RunsPanel({ experimentIds, exportName, experimentNames, charts }: RunsPanelProps) {
  const [search, update] = useSearchState(runTableSearchSchema);
  const { query, rows, keys, loadedCount, isPaging, live } = useRunRows(experimentIds, search);
  const view = useRunTableView(rows, keys, search, update, experimentNames);
  // An invalid filter is the user's input, shown beside the box rather than as a page error.
  const filterError = query.error?.status === 400 && search.searchFilter ? query.error.message : undefined;
  const shownColumns = [...view.placement.left, ...view.placement.center];
  // A change of experiments or of the view (filter, sort, columns, grouping) may render past
  // whatever failed, so it clears a failed table or toolbar.
  const resetKeys = [experimentIds.join(','), search];
  const firstRowsSlot = useFirstRowsPreview(query.isPending && !filterError && !query.isError);
  const showCharts = charts !== undefined && search.view === 'charts';
  const chartChoice = useMemo(
    () => (showCharts ? chartRuns(view.tableRows, view.expanded, view.selectedRuns, search.chartRuns) : undefined),
    [showCharts, view.tableRows, view.expanded, view.selectedRuns, search.chartRuns],
  );

  return (
    <section aria-label="Runs" className="runs-panel">
      <RunSearchBar
        key={search.searchFilter}
        search={search}
        filterError={filterError}
        onSearch={(filter) => update({ searchFilter: filter.trim() })}
        onLifecycleChange={(lifecycleFilter) => update({ lifecycleFilter })}
        onExpandAllChange={(expandAll) => update({ expandAll })}
      />
      {query.isError && !filterError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending && !filterError ? (
        <>
          <Loading label="Loading runs…" />
          <div ref={firstRowsSlot} className="first-rows-slot" />
        </>
      ) : filterError ? null : (
        <>
          <PanelBoundary label="The run table's tools failed" resetKeys={resetKeys}>
            <RunTableTools
              chooser={{ columns: view.columns.slice(1), choice: view.choice, actions: view.chooserActions }}
              keys={view.keys}
              groupBy={search.groupBy}
              onGroupByChange={(groupBy) => update({ groupBy })}
              selected={view.selectedRuns}
              onClearSelection={() => update({ selected: '' })}
              exportSource={{ rows: view.tableRows, columns: shownColumns, fileName: exportName }}
            />
          </PanelBoundary>
          <p className="status-line" role="status">
            {/* MLflow returns no total, so the count grows until the last page. */}
            {isPaging
              ? `Loading runs… ${count.format(loadedCount)} of …`
              : query.isError
                ? `${count.format(loadedCount)} runs loaded; the rest failed: ${describeError(query.error).title}. `
                : `${count.format(loadedCount)} ${loadedCount === 1 ? 'run' : 'runs'}.`}
            {query.isError && !isPaging ? (
              <button type="button" className="status-line__retry" onClick={() => void query.refetch()}>
                Load the rest
              </button>
            ) : null}
            {isPaging ? <progress className="status-line__progress" aria-label="Loading runs" /> : null}
            {live.intervalMs !== false ? <LiveIndicator intervalMs={live.intervalMs} failed={live.failed} /> : null}
          </p>
          {charts ? (
            <div className="view-switch" role="group" aria-label="Show runs as" data-interactive>
              <button type="button" aria-pressed={!showCharts} onClick={() => update({ view: 'table' })}>
                Table
              </button>
              <button type="button" aria-pressed={showCharts} onClick={() => update({ view: 'charts' })}>
                Charts
              </button>
            </div>
          ) : null}
          {rows.length > 0 && charts && chartChoice ? (
            <PanelBoundary label="The chart view failed" resetKeys={resetKeys}>
              <RunChartsView
                choice={chartChoice}
                count={search.chartRuns}
                onCountChange={(chartRuns) => update({ chartRuns })}
                metricKeys={keys.metrics}
                charts={charts}
              />
            </PanelBoundary>
          ) : rows.length > 0 ? (
            <PanelBoundary label="The run table failed" resetKeys={resetKeys}>
              <RunTable
                rows={view.tableRows}
                placement={view.placement}
                sort={{ key: search.orderByKey, ascending: search.orderByAsc }}
                expanded={view.expanded}
                selected={view.selected}
                handlers={view.handlers}
              />
            </PanelBoundary>
          ) : (
            <p className="empty-state">
              {search.searchFilter
                ? 'No run matches this search.'
                : experimentIds.length > 1
                  ? 'No runs in these experiments.'
                  : 'No runs in this experiment.'}
            </p>
          )}
        </>
      )}
    </section>
  );
}
