// A heatmap of a metric over two params: each cell the mean of the runs with that combination.
import { useMemo } from 'react';
import { Heatmap } from '@/components/plots/heatmap.tsx';
import { bestDirection } from '@/lib/compare/best-direction.ts';
import { bestIds } from '@/lib/compare/best-value.ts';
import { sequentialColorScale } from '@/lib/compare/color-scale.ts';
import { dimensionId, dimensionValue } from '@/lib/compare/dimension.ts';
import { heatmapGrid } from '@/lib/compare/heatmap-grid.ts';
import { DimensionSelect } from './dimension-select.tsx';
import { pickDimension } from './pick-dimension.ts';
import type { PlotInputs } from './plot-inputs.ts';

const paramId = (key: string | undefined) => (key === undefined ? undefined : dimensionId('params', key));

export function HeatmapPanel({ runs, search, update, params, metrics, defaults, directions, width }: PlotInputs) {
  const of = useMemo(
    () =>
      pickDimension(search.heatOf, { params: [], metrics }, [
        defaults.metric === undefined ? undefined : dimensionId('metrics', defaults.metric),
      ]),
    [search.heatOf, metrics, defaults],
  );
  const x = useMemo(
    () => pickDimension(search.heatX, { params, metrics: [] }, [paramId(defaults.varying[0]), paramId(params[0])]),
    [search.heatX, params, defaults],
  );
  const y = useMemo(
    () =>
      pickDimension(search.heatY, { params, metrics: [] }, [
        paramId(defaults.varying.find((key) => paramId(key) !== x?.id)),
        paramId(params.find((key) => paramId(key) !== x?.id)),
      ]),
    [search.heatY, params, defaults, x],
  );
  const plot = useMemo(() => {
    if (!of || !x || !y) return undefined;
    const valueOf = (run: (typeof runs)[number]) => {
      const value = dimensionValue(run, of.dimension);
      return typeof value === 'number' ? value : undefined;
    };
    const grid = heatmapGrid(
      runs.map((run) => ({ id: run.runId, x: dimensionValue(run, x.dimension), y: dimensionValue(run, y.dimension), value: valueOf(run) })),
    );
    const direction = bestDirection(of.dimension.key, directions);
    const scale = sequentialColorScale(
      grid.cells.map((cell) => cell.value),
      { bestHigh: direction === 'max' },
    );
    return { grid, colorOf: scale.color, best: bestIds(runs, valueOf, (run) => run.runId, direction) };
  }, [runs, of, x, y, directions]);

  return (
    <section className="plot-panel" aria-label="Heatmap">
      <div className="plot-panel__controls" data-interactive>
        <DimensionSelect
          label="Metric"
          value={of?.id ?? ''}
          params={params}
          metrics={metrics}
          offer="metrics"
          onChange={(id) => update({ heatOf: id })}
        />
        <DimensionSelect
          label="Columns"
          value={x?.id ?? ''}
          params={params}
          metrics={metrics}
          offer="params"
          onChange={(id) => update({ heatX: id })}
        />
        <DimensionSelect
          label="Rows"
          value={y?.id ?? ''}
          params={params}
          metrics={metrics}
          offer="params"
          onChange={(id) => update({ heatY: id })}
        />
      </div>
      {plot && of && x && y ? (
        <Heatmap
          caption={`Heatmap of ${of.dimension.key} over ${x.dimension.key} and ${y.dimension.key}`}
          xLabel={x.dimension.key}
          yLabel={y.dimension.key}
          grid={plot.grid}
          colorOf={plot.colorOf}
          width={width}
          bestIds={plot.best}
        />
      ) : (
        <p className="empty-state">A heatmap needs a metric and two params.</p>
      )}
    </section>
  );
}
