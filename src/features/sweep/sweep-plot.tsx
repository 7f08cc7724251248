// The metric over what the sweep varied: a heatmap when exactly two params vary (kernel × C),
// parallel coordinates when more do (brushable, the brushes in the URL), a scatter for one.
import { startTransition, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { Run } from '@/api/runs.ts';
import { Heatmap } from '@/components/plots/heatmap.tsx';
import { ParallelCoordinates } from '@/components/plots/parallel-coordinates.tsx';
import { ScatterPlot } from '@/components/plots/scatter-plot.tsx';
import { useElementWidth } from '@/components/use-element-width.ts';
import { paths } from '@/config/paths.ts';
import { buildAxis } from '@/lib/compare/axis.ts';
import type { BestDirection } from '@/lib/compare/best-direction.ts';
import { decodeBrushes, encodeBrushes } from '@/lib/compare/brush.ts';
import { sequentialColorScale } from '@/lib/compare/color-scale.ts';
import { dimensionId } from '@/lib/compare/dimension.ts';
import { heatmapGrid } from '@/lib/compare/heatmap-grid.ts';
import type { Sweep, SweepRow } from '@/lib/compare/sweep.ts';

export interface SweepPlotProps {
  children: readonly Run[];
  sweep: Sweep;
  metric: string;
  direction: BestDirection;
  rows: readonly SweepRow[];
  brush: string;
  onBrush(brush: string): void;
}

const metricOf = (run: Run, key: string) => (Object.hasOwn(run.metrics, key) ? run.metrics[key] : undefined);

export function SweepPlot({ children, sweep, metric, direction, rows, brush, onBrush }: SweepPlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, 900);
  const navigate = useNavigate();
  const scale = useMemo(
    () =>
      sequentialColorScale(
        children.map((run) => metricOf(run, metric)),
        { bestHigh: direction === 'max' },
      ),
    [children, metric, direction],
  );
  const best = useMemo(() => new Set(rows.filter((row) => row.rank === 1).map((row) => row.runId)), [rows]);
  const brushes = useMemo(() => decodeBrushes(brush), [brush]);
  const [first, second] = sweep.varying;

  const plot = (() => {
    if (first !== undefined && second !== undefined && sweep.varying.length === 2) {
      const grid = heatmapGrid(
        children.map((run) => ({ id: run.runId, x: run.params[second], y: run.params[first], value: metricOf(run, metric) })),
      );
      const colorOf = sequentialColorScale(
        grid.cells.map((cell) => cell.value),
        { bestHigh: direction === 'max' },
      ).color;
      return (
        <Heatmap
          caption={`Heatmap of ${metric} over ${second} and ${first}`}
          xLabel={second}
          yLabel={first}
          grid={grid}
          colorOf={colorOf}
          width={Math.min(width, 720)}
          bestIds={best}
          onCellClick={(cell) => {
            // A cell of one child opens it; a cell of several (repeated seeds) opens their comparison.
            const [only] = cell.ids;
            const experimentId = children[0]?.experimentId ?? '';
            if (cell.ids.length === 1 && only !== undefined) void navigate(paths.run.getHref(experimentId, only));
            else if (cell.ids.length > 1) void navigate(paths.compare.getHref(cell.ids));
          }}
        />
      );
    }
    if (first !== undefined && sweep.varying.length === 1) {
      const axisOf = (id: string, label: string, values: readonly (string | number | undefined)[]) => buildAxis({ id, label, values });
      return (
        <ScatterPlot
          caption={`Scatter of ${metric} against ${first}`}
          x={axisOf(
            dimensionId('params', first),
            first,
            children.map((run) => run.params[first]),
          )}
          y={axisOf(
            dimensionId('metrics', metric),
            metric,
            children.map((run) => metricOf(run, metric)),
          )}
          points={children.map((run) => ({
            id: run.runId,
            label: run.name || run.runId,
            x: run.params[first],
            y: metricOf(run, metric),
            color: scale.color(metricOf(run, metric)),
          }))}
          width={width}
        />
      );
    }
    if (sweep.varying.length > 2) {
      const axes = [
        ...sweep.varying.map((key) =>
          buildAxis({ id: dimensionId('params', key), label: key, values: children.map((run) => run.params[key]) }),
        ),
        buildAxis({ id: dimensionId('metrics', metric), label: metric, values: children.map((run) => metricOf(run, metric)) }),
      ];
      return (
        <ParallelCoordinates
          caption={`Parallel coordinates of ${sweep.varying.join(', ')} and ${metric}, coloured by ${metric}`}
          axes={axes}
          lines={children.map((run) => ({
            id: run.runId,
            label: run.name || run.runId,
            color: scale.color(metricOf(run, metric)),
            values: [...sweep.varying.map((key) => run.params[key]), metricOf(run, metric)],
          }))}
          brushes={brushes}
          onBrushChange={(axisId, next) => {
            const others = Object.fromEntries(Object.entries(brushes).filter(([id]) => id !== axisId));
            // Sliced re-render, not a long task in the mouseup (d3 drew the brush already).
            startTransition(() => onBrush(encodeBrushes(next ? { ...others, [axisId]: next } : others)));
          }}
          width={width}
          legend={{ label: metric, scale }}
        />
      );
    }
    return null;
  })();
  return (
    <div ref={ref} className="sweep__plot">
      {plot}
    </div>
  );
}
