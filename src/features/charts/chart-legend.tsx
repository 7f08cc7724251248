// A multi-run chart's legend: each run's colour and whole name (a printed chart cannot be
// hovered), and a toggle that hides or shows the run in every chart of the view (hiddenRuns=).
export interface ChartLegendProps {
  metricKey: string;
  runs: readonly { runId: string; name: string }[];
  colors: ReadonlyMap<string, string>;
  hidden: ReadonlySet<string>;
  /** Absent: the entries only name the runs. */
  onToggleRun?: ((runId: string) => void) | undefined;
}

export function ChartLegend({ metricKey, runs, colors, hidden, onToggleRun }: ChartLegendProps) {
  return (
    <ul className="chart-legend" aria-label={`Runs in ${metricKey}`}>
      {runs.map((run) => (
        <li key={run.runId}>
          <button
            type="button"
            className="chart-legend__entry"
            aria-pressed={!hidden.has(run.runId)}
            title={hidden.has(run.runId) ? 'Show this run in the charts' : 'Hide this run from the charts'}
            disabled={!onToggleRun}
            onClick={() => onToggleRun?.(run.runId)}
          >
            <span className="swatch" style={{ background: colors.get(run.runId) }} aria-hidden="true" />
            <span className="chart-legend__name">{run.name || run.runId}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
