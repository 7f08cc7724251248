// A box plot of a metric grouped by a param: the spread over repeated seeds, per setting.
import { useMemo } from 'react';
import { BoxPlot } from '@/components/plots/box-plot.tsx';
import { toCategory } from '@/lib/compare/axis.ts';
import { boxStats } from '@/lib/compare/box-stats.ts';
import { dimensionId, dimensionValue } from '@/lib/compare/dimension.ts';
import { compareCategories } from '@/lib/compare/heatmap-grid.ts';
import { DimensionSelect } from './dimension-select.tsx';
import { pickDimension } from './pick-dimension.ts';
import type { PlotInputs } from './plot-inputs.ts';

export function BoxPanel({ runs, colors, search, update, params, metrics, defaults, logAxes, width }: PlotInputs) {
  const of = useMemo(
    () =>
      pickDimension(search.boxOf, { params: [], metrics }, [
        defaults.metric === undefined ? undefined : dimensionId('metrics', defaults.metric),
      ]),
    [search.boxOf, metrics, defaults],
  );
  const by = useMemo(
    () =>
      pickDimension(search.boxBy, { params, metrics: [] }, [
        defaults.varying[0] === undefined ? undefined : dimensionId('params', defaults.varying[0]),
      ]),
    [search.boxBy, params, defaults],
  );
  const groups = useMemo(() => {
    if (!of || !by) return [];
    const byCategory = new Map<string, { id: string; label: string; value: number; color: string }[]>();
    for (const run of runs) {
      const category = toCategory(dimensionValue(run, by.dimension)) ?? '(not logged)';
      const value = dimensionValue(run, of.dimension);
      const points = byCategory.get(category) ?? [];
      byCategory.set(category, points);
      if (typeof value === 'number' && Number.isFinite(value))
        points.push({ id: run.runId, label: run.name || run.runId, value, color: colors.get(run.runId) ?? 'currentColor' });
    }
    return [...byCategory.entries()]
      .sort(([a], [b]) => compareCategories(a, b))
      .map(([category, points]) => ({ category, stats: boxStats(points.map((p) => p.value)), points }));
  }, [runs, colors, of, by]);

  return (
    <section className="plot-panel" aria-label="Box plot">
      <div className="plot-panel__controls" data-interactive>
        <DimensionSelect
          label="Metric"
          value={of?.id ?? ''}
          params={params}
          metrics={metrics}
          offer="metrics"
          onChange={(id) => update({ boxOf: id })}
        />
        <DimensionSelect
          label="Grouped by"
          value={by?.id ?? ''}
          params={params}
          metrics={metrics}
          offer="params"
          onChange={(id) => update({ boxBy: id })}
        />
      </div>
      {of && by ? (
        <BoxPlot
          caption={`Box plot of ${of.dimension.key} grouped by ${by.dimension.key}`}
          groupLabel={by.dimension.key}
          valueLabel={of.dimension.key}
          groups={groups}
          width={width}
          log={logAxes.has(of.id)}
        />
      ) : (
        <p className="empty-state">A box plot needs a metric and a param to group by.</p>
      )}
    </section>
  );
}
