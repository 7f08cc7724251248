// What every compare plot panel reads: the runs, their colours, the page's URL state and the
// defaults worked out once for the page (lib/compare/sweep.ts on the compared runs).
import type { Run } from '@/api/runs.ts';
import type { SearchStateUpdateOptions } from '@/components/use-search-state.ts';
import type { BestDirection } from '@/lib/compare/best-direction.ts';
import type { Brushes } from '@/lib/compare/brush.ts';
import type { ParallelAxes } from './parallel-axes.ts';
import type { CompareSearch } from './url-state.ts';

export interface PlotDefaults {
  /** Params whose values differ between the compared runs, natural order. */
  varying: readonly string[];
  /** The metric judged first (a score, an accuracy, a loss…), or undefined without metrics. */
  metric: string | undefined;
}

export interface PlotInputs {
  runs: readonly Run[];
  colors: ReadonlyMap<string, string>;
  search: CompareSearch;
  update(patch: Partial<CompareSearch>, options?: SearchStateUpdateOptions): void;
  params: readonly string[];
  metrics: readonly string[];
  defaults: PlotDefaults;
  directions: Readonly<Record<string, BestDirection>>;
  brushes: Brushes;
  /** Dimension ids drawn on a log scale. */
  logAxes: ReadonlySet<string>;
  width: number;
  parallel: ParallelAxes;
  /** Runs the brushes keep; undefined when nothing is brushed. */
  brushed: ReadonlySet<string> | undefined;
}
