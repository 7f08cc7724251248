// The parallel coordinates' axes for the compared runs, and which runs their brushes keep. The
// page works this out once: the plot draws it and the table is filtered by the same answer.
import type { Run } from '@/api/runs.ts';
import { buildAxis, type Axis } from '@/lib/compare/axis.ts';
import { matchesBrushes, type Brushes } from '@/lib/compare/brush.ts';
import { dimensionId, dimensionLabel, dimensionValue, parseDimension, type Dimension } from '@/lib/compare/dimension.ts';
import { splitList } from '@/lib/search-params.ts';
import type { PlotDefaults } from './plot-inputs.ts';

/** More axes than this by default crowd the plot; the user may add any. */
const DEFAULT_PARAM_AXES = 6;

export interface ParallelAxes {
  axes: readonly Axis[];
  dimensions: readonly Dimension[];
}

export function defaultAxisIds(defaults: PlotDefaults): string[] {
  const ids = defaults.varying.slice(0, DEFAULT_PARAM_AXES).map((key) => dimensionId('params', key));
  if (defaults.metric !== undefined) ids.push(dimensionId('metrics', defaults.metric));
  return ids;
}

export function parallelAxes(runs: readonly Run[], axesParam: string, defaults: PlotDefaults, logAxes: ReadonlySet<string>): ParallelAxes {
  const ids = axesParam ? splitList(axesParam) : defaultAxisIds(defaults);
  const dimensions: Dimension[] = [];
  const axes: Axis[] = [];
  for (const id of new Set(ids)) {
    const dimension = parseDimension(id);
    if (!dimension) continue;
    dimensions.push(dimension);
    axes.push(
      buildAxis({ id, label: dimensionLabel(dimension), values: runs.map((run) => dimensionValue(run, dimension)), log: logAxes.has(id) }),
    );
  }
  return { axes, dimensions };
}

/** The runs every brush keeps; undefined when nothing is brushed (all runs). */
export function brushedRunIds(runs: readonly Run[], { axes, dimensions }: ParallelAxes, brushes: Brushes): ReadonlySet<string> | undefined {
  if (!axes.some((axis) => brushes[axis.id] !== undefined)) return undefined;
  return new Set(
    runs
      .filter((run) =>
        matchesBrushes(
          axes,
          brushes,
          dimensions.map((d) => dimensionValue(run, d)),
        ),
      )
      .map((run) => run.runId),
  );
}
