// The chart view beside the run table: which runs are drawn (the selection, or the table's
// first N in its current order) and the charts themselves, which the route composes in
// (features do not import each other).
import type { ReactNode } from 'react';
import type { Run } from '@/api/runs.ts';
import { CHART_RUN_COUNTS, type ChartRunChoice, type ChartRunCount } from './chart-runs.ts';

/** Draws metric charts of these runs: the charts feature, given by the route. */
export type RunChartsSlot = (runs: readonly Run[], metricKeys: readonly string[]) => ReactNode;

export interface RunChartsViewProps {
  choice: ChartRunChoice;
  count: ChartRunCount;
  onCountChange: (count: ChartRunCount) => void;
  metricKeys: readonly string[];
  charts: RunChartsSlot;
}

const number = new Intl.NumberFormat();

export function RunChartsView({ choice, count, onCountChange, metricKeys, charts }: RunChartsViewProps) {
  const drawn = choice.runs.length;
  return (
    <section aria-label="Charts of the table's runs" className="run-charts-view">
      <p className="run-charts-view__scope">
        {choice.source === 'selected' ? (
          <>
            Drawing the {number.format(drawn)} selected {drawn === 1 ? 'run' : 'runs'}.
          </>
        ) : (
          <>
            Drawing the first{' '}
            <select aria-label="Runs drawn" value={count} onChange={(e) => onCountChange(e.target.value as ChartRunCount)} data-interactive>
              {CHART_RUN_COUNTS.map((option) => (
                <option key={option} value={option}>
                  {option === 'all' ? 'all' : option}
                </option>
              ))}
            </select>{' '}
            runs of the table, in its order ({number.format(drawn)} of {number.format(choice.available)} shown). Select runs to draw those
            instead.
          </>
        )}
      </p>
      {drawn === 0 ? <p className="empty-state">No run to draw.</p> : charts(choice.runs, metricKeys)}
    </section>
  );
}
