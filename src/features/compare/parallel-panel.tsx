// Parallel coordinates over the chosen params and metrics, coloured by a metric. Axes, log
// scales, colour and brushes are all in the URL; brushing filters the compare table too.
import { startTransition, useMemo } from 'react';
import { ParallelCoordinates } from '@/components/plots/parallel-coordinates.tsx';
import { bestDirection } from '@/lib/compare/best-direction.ts';
import { encodeBrushes, type Brush } from '@/lib/compare/brush.ts';
import { sequentialColorScale } from '@/lib/compare/color-scale.ts';
import { dimensionValue } from '@/lib/compare/dimension.ts';
import { joinList } from '@/lib/search-params.ts';
import { AxisChooser } from './axis-chooser.tsx';
import { MetricSelect } from './metric-select.tsx';
import type { PlotInputs } from './plot-inputs.ts';

const listWords = (words: readonly string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

export function ParallelPanel({
  runs,
  colors,
  search,
  update,
  params,
  metrics,
  defaults,
  directions,
  brushes,
  logAxes,
  width,
  parallel,
}: PlotInputs) {
  const colorBy = search.colorBy && metrics.includes(search.colorBy) ? search.colorBy : defaults.metric;
  const scale = useMemo(
    () =>
      colorBy === undefined
        ? undefined
        : sequentialColorScale(
            runs.map((run) => run.metrics[colorBy]),
            { bestHigh: bestDirection(colorBy, directions) === 'max' },
          ),
    [runs, colorBy, directions],
  );
  const lines = useMemo(
    () =>
      runs.map((run) => ({
        id: run.runId,
        label: run.name || run.runId,
        color: scale && colorBy !== undefined ? scale.color(run.metrics[colorBy]) : (colors.get(run.runId) ?? 'currentColor'),
        values: parallel.dimensions.map((dimension) => dimensionValue(run, dimension)),
      })),
    [runs, scale, colorBy, colors, parallel.dimensions],
  );
  const onBrushChange = (axisId: string, brush: Brush | undefined) => {
    const others = Object.fromEntries(Object.entries(brushes).filter(([id]) => id !== axisId));
    // A transition: the page re-renders with 500 runs in slices, not in one long task inside
    // the mouseup (d3 has drawn the brush itself already).
    startTransition(() => update({ brush: encodeBrushes(brush ? { ...others, [axisId]: brush } : others) }));
  };
  const caption = `Parallel coordinates of ${listWords(parallel.axes.map((axis) => axis.label)) || 'no axes'}${colorBy ? `, coloured by ${colorBy}` : ''}`;

  return (
    <section className="plot-panel" aria-label="Parallel coordinates">
      <div className="plot-panel__controls" data-interactive>
        <AxisChooser
          chosen={parallel.axes.map((axis) => axis.id)}
          params={params}
          metrics={metrics}
          logAxes={logAxes}
          onChange={(ids) => update({ axes: joinList(ids) })}
          onLogChange={(ids) => update({ log: joinList(ids) })}
        />
        <MetricSelect label="Colour by" value={colorBy ?? ''} metrics={metrics} onChange={(key) => update({ colorBy: key })} />
      </div>
      {parallel.axes.length === 0 ? (
        <p className="empty-state">Choose the axes to draw.</p>
      ) : (
        <ParallelCoordinates
          caption={caption}
          axes={parallel.axes}
          lines={lines}
          brushes={brushes}
          onBrushChange={onBrushChange}
          width={width}
          legend={scale && colorBy !== undefined ? { label: colorBy, scale } : undefined}
        />
      )}
    </section>
  );
}
