// A scatter of any param or metric against a metric; log axes; run names on hover.
import { useMemo } from 'react';
import { ScatterPlot } from '@/components/plots/scatter-plot.tsx';
import { buildAxis } from '@/lib/compare/axis.ts';
import { dimensionId, dimensionLabel, dimensionValue } from '@/lib/compare/dimension.ts';
import { DimensionSelect } from './dimension-select.tsx';
import { pickDimension } from './pick-dimension.ts';
import type { PlotInputs } from './plot-inputs.ts';

export function ScatterPanel({ runs, colors, search, update, params, metrics, defaults, logAxes, width }: PlotInputs) {
  const x = useMemo(() => {
    const firstOtherMetric = metrics.find((key) => key !== defaults.metric);
    return pickDimension(search.sx, { params, metrics }, [
      defaults.varying[0] === undefined ? undefined : dimensionId('params', defaults.varying[0]),
      firstOtherMetric === undefined ? undefined : dimensionId('metrics', firstOtherMetric),
    ]);
  }, [search.sx, params, metrics, defaults]);
  const y = useMemo(
    () =>
      pickDimension(search.sy, { params: [], metrics }, [
        defaults.metric === undefined ? undefined : dimensionId('metrics', defaults.metric),
      ]),
    [search.sy, metrics, defaults],
  );
  const plot = useMemo(() => {
    if (!x || !y) return undefined;
    const axisOf = ({ id, dimension }: NonNullable<typeof x>) =>
      buildAxis({ id, label: dimensionLabel(dimension), values: runs.map((run) => dimensionValue(run, dimension)), log: logAxes.has(id) });
    return {
      x: axisOf(x),
      y: axisOf(y),
      points: runs.map((run) => ({
        id: run.runId,
        label: run.name || run.runId,
        x: dimensionValue(run, x.dimension),
        y: dimensionValue(run, y.dimension),
        color: colors.get(run.runId) ?? 'currentColor',
      })),
    };
  }, [runs, colors, x, y, logAxes]);
  const toggleLog = (id: string, on: boolean) => update({ log: [...[...logAxes].filter((a) => a !== id), ...(on ? [id] : [])].join(',') });

  return (
    <section className="plot-panel" aria-label="Scatter">
      <div className="plot-panel__controls" data-interactive>
        <DimensionSelect label="x" value={x?.id ?? ''} params={params} metrics={metrics} onChange={(id) => update({ sx: id })} />
        {x ? (
          <label>
            <input type="checkbox" checked={logAxes.has(x.id)} onChange={(e) => toggleLog(x.id, e.target.checked)} /> log x
          </label>
        ) : null}
        <DimensionSelect
          label="y"
          value={y?.id ?? ''}
          params={params}
          metrics={metrics}
          offer="metrics"
          onChange={(id) => update({ sy: id })}
        />
        {y ? (
          <label>
            <input type="checkbox" checked={logAxes.has(y.id)} onChange={(e) => toggleLog(y.id, e.target.checked)} /> log y
          </label>
        ) : null}
      </div>
      {plot ? (
        <ScatterPlot
          caption={`Scatter of ${plot.y.label} against ${plot.x.label}`}
          x={plot.x}
          y={plot.y}
          points={plot.points}
          width={width}
        />
      ) : (
        <p className="empty-state">A scatter needs a metric and a second param or metric.</p>
      )}
    </section>
  );
}
