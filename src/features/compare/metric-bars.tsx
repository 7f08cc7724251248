// Every metric logged at a single step, as one bar per run with its value written at the bar's
// end: a line chart of one dot per run hides equal values behind each other.
import { memo } from 'react';
import { BarChart } from '@/components/plots/bar-chart.tsx';
import './compare-plots.css';
import { bestDirection, type BestDirection } from '@/lib/compare/best-direction.ts';
import { bestIds } from '@/lib/compare/best-value.ts';
import type { Run } from '@/api/runs.ts';

export interface MetricBarsProps {
  runs: readonly Run[];
  colors: ReadonlyMap<string, string>;
  metricKeys: readonly string[];
  directions: Readonly<Record<string, BestDirection>>;
  width: number;
}

/**
 * Bars per chart: 100 bars are a 2,000-pixel chart already; 20 charts of 500 runs would be
 * 30,000 SVG elements for the browser to lay out on every change of the page. The table and
 * the other plots hold every run.
 */
export const MAX_BARS = 100;

const valueOf = (key: string) => (run: Run) => (Object.hasOwn(run.metrics, key) ? run.metrics[key] : undefined);

// Memoised: a brush re-renders the page, and 20 charts × 500 bars need not follow it.
export const MetricBars = memo(function MetricBars({ runs, colors, metricKeys, directions, width }: MetricBarsProps) {
  if (metricKeys.length === 0) return null;
  const barred = runs.slice(0, MAX_BARS);
  return (
    <section className="metric-bars" aria-label="Single-value metrics">
      <h2>Single-value metrics</h2>
      {barred.length < runs.length ? (
        <p className="muted">
          Bars of the first {barred.length} of {runs.length} runs; the table and the plots above hold every run.
        </p>
      ) : null}
      <div className="metric-bars__grid">
        {metricKeys.map((key) => (
          <BarChart
            key={key}
            caption={`Bar chart of ${key}, one bar per run`}
            valueLabel={key}
            width={Math.min(width, 560)}
            bestIds={bestIds(runs, valueOf(key), (run) => run.runId, bestDirection(key, directions))}
            bars={barred.map((run) => ({
              id: run.runId,
              label: run.name || run.runId,
              value: valueOf(key)(run),
              color: colors.get(run.runId) ?? 'currentColor',
            }))}
          />
        ))}
      </div>
    </section>
  );
});
