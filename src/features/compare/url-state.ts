// The compare view's URL contract: which runs (ids, or a query that stays current), and every
// choice made on the page, so a link — shared or embedded in a portal — shows the same view.
// Lists use the one list format (lib/search-params.ts); brushes and best-direction overrides
// have their own codecs (lib/compare/brush.ts, best-direction.ts).
import * as z from 'zod/mini';
import { booleanParam, textParam } from '@/lib/search-params.ts';

const text = textParam();
const optionalBoolean = z.catch(z.optional(booleanParam(false)), undefined);

/** The most runs named by id: each is a runs/get (a link of 100 ids is already 3,300 characters). */
export const MAX_RUNS_BY_ID = 100;
/** The most runs a query may name: one runs/search. */
export const MAX_RUNS_BY_QUERY = 500;
export const DEFAULT_QUERY_COUNT = 20;

export const PLOT_KINDS = ['parallel', 'scatter', 'box', 'heatmap'] as const;
export type PlotKind = (typeof PLOT_KINDS)[number];

/** Which runs: `runs` (ids), or a query in the run table's own terms plus a count. */
export const compareRunsSchema = z.object({
  runs: text,
  experiments: text,
  searchFilter: text,
  /** attributes.start_time, metrics.<key>, params.<key> or tags.<key>. */
  orderByKey: textParam('attributes.start_time'),
  orderByAsc: z._default(booleanParam(false), false),
  count: z.catch(
    z._default(
      z.pipe(
        z.string(),
        z.transform((v) => Math.min(Math.max(Math.trunc(Number(v)) || DEFAULT_QUERY_COUNT, 1), MAX_RUNS_BY_QUERY)),
      ),
      DEFAULT_QUERY_COUNT,
    ),
    DEFAULT_QUERY_COUNT,
  ),
});
export type CompareRunsSearch = z.infer<typeof compareRunsSchema>;

export const compareSearchSchema = z.object({
  /** Unset: on when the runs have more than ONLY_DIFFERENCES_ABOVE params. */
  onlyDifferences: optionalBoolean,
  systemTags: z._default(booleanParam(false), false),
  /** Best-direction overrides, `key:min,key:max` (encodeDirections). */
  best: text,
  /** Plots shown, a list of PLOT_KINDS; unset: parallel coordinates and scatter. */
  plots: textParam('parallel,scatter'),
  /** Parallel coordinates: axes (dimension ids, in order); unset: the varying params and the colour metric. */
  axes: text,
  /** Axes drawn on a log scale (dimension ids), any plot. */
  log: text,
  /** The metric lines and points are coloured by (a metric key); unset: the first metric judged by name. */
  colorBy: text,
  /** Brushes on the parallel coordinates (encodeBrushes); the table is filtered alike. */
  brush: text,
  /** Scatter x and y (dimension ids). */
  sx: text,
  sy: text,
  /** Box plot: the metric, grouped by a param. */
  boxOf: text,
  boxBy: text,
  /** Heatmap: the metric over two params. */
  heatOf: text,
  heatX: text,
  heatY: text,
});
export type CompareSearch = z.infer<typeof compareSearchSchema>;
