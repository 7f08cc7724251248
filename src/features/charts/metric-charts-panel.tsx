// Charts of every metric of one or more runs, grouped by key prefix (system/* last), with the
// shared controls. Only charts near the viewport fetch and draw (in render mode, all of them).
// Controls marked data-interactive are hidden in render mode and in print (app/styles.css).
import { useMemo, useState } from 'react';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { useSearchState } from '@/components/use-search-state.ts';
import { groupMetricKeys } from '@/lib/metric-groups.ts';
import { truncateText } from '@/lib/truncate.ts';
import { ChartControls } from './chart-controls.tsx';
import { MetricChartCard, type ChartRun } from './metric-chart-card.tsx';
import { chartSearchSchema } from './url-state.ts';
import { joinList, splitList } from '@/lib/search-params.ts';

export interface MetricChartsPanelProps {
  runs: readonly ChartRun[];
  metricKeys: readonly string[];
}

export function MetricChartsPanel({ runs, metricKeys }: MetricChartsPanelProps) {
  const [settings, update] = useSearchState(chartSearchSchema);
  const [filter, setFilter] = useState('');
  const chosen = useMemo(() => new Set(splitList(settings.metrics)), [settings.metrics]);
  const hidden = useMemo(() => new Set(splitList(settings.hiddenRuns)), [settings.hiddenRuns]);
  const toggleRun = (runId: string) => {
    const next = new Set(hidden);
    if (!next.delete(runId)) next.add(runId);
    update({ hiddenRuns: joinList([...next]) });
  };
  const keys = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return metricKeys.filter((key) => (chosen.size === 0 || chosen.has(key)) && (!needle || key.toLowerCase().includes(needle)));
  }, [metricKeys, chosen, filter]);
  const groups = useMemo(() => groupMetricKeys(keys), [keys]);
  // A string, not the runs array (a new one per render of the compare page), so that a failed
  // chart stays failed until the runs really change.
  const runIds = runs.map((run) => run.runId).join(',');

  if (metricKeys.length === 0) return <p className="empty-state">No metrics logged.</p>;
  return (
    <section aria-label="Metric charts" className="charts-panel">
      <ChartControls settings={settings} onChange={update} />
      {metricKeys.length > 6 ? (
        <input
          type="search"
          data-interactive
          className="charts-panel__filter"
          aria-label="Filter metrics"
          placeholder="Filter metrics"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      ) : null}
      {chosen.size > 0 ? (
        <p className="muted">
          Showing {chosen.size} of {metricKeys.length} metrics.{' '}
          <button type="button" data-interactive onClick={() => update({ metrics: '' })}>
            Show all
          </button>
        </p>
      ) : null}
      {groups.map((group) => (
        <section key={group.name} className="chart-group" aria-label={group.name ? `${group.name} metrics` : 'Metrics'}>
          {group.name ? <h2 className="chart-group__title">{group.name}</h2> : null}
          <div className="chart-grid">
            {group.keys.map((key) => (
              // One card that cannot draw (an unexpected value) leaves the other charts working.
              <PanelBoundary key={key} label={`The chart of “${truncateText(key, 80).text}” failed`} resetKeys={[runIds, settings]}>
                <MetricChartCard
                  metricKey={key}
                  runs={runs}
                  hidden={hidden}
                  onToggleRun={toggleRun}
                  settings={settings}
                  onZoomChange={(zoom) => update({ zoom })}
                />
              </PanelBoundary>
            ))}
          </div>
        </section>
      ))}
    </section>
  );
}
