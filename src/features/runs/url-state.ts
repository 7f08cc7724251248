// The run table's URL contract, with the MLflow UI's parameter names (searchFilter,
// orderByKey, orderByAsc, lifecycleFilter) so links read the same. Everything else a user
// arranges (columns, selection, expansion, grouping) is here too: reload or share the link and
// the same table comes back. Lists are comma-separated: MLflow keys cannot contain commas or
// colons, and run ids are hex.
import * as z from 'zod/mini';
import { booleanParam, enumParam, joinList, splitList, textParam } from '@/lib/search-params.ts';
import { CHART_RUN_COUNTS } from './chart-runs.ts';

const text = textParam();

export const runTableSearchSchema = z.object({
  searchFilter: text,
  /** A column id: attributes.start_time, metrics.<key>, params.<key>, tags.<key>. */
  orderByKey: textParam('attributes.start_time'),
  orderByAsc: z._default(booleanParam(false), false),
  lifecycleFilter: enumParam(['active', 'deleted', 'all'], 'active'),
  /** Expand every parent. */
  expandAll: z._default(booleanParam(false), false),
  /** Parents expanded one by one (run ids). */
  expanded: text,
  /** Selected runs (run ids), for compare and export. */
  selected: text,
  /** Hidden column ids. */
  hide: text,
  /** Column ids pinned to the left, in order. */
  pin: text,
  /** Column ids the user moved, in their order; the others follow in the default order. */
  order: text,
  /** Column widths the user set, `id:px`. */
  widths: text,
  /** Show mlflow.* system tags as columns. */
  systemTags: z._default(booleanParam(false), false),
  /** A column id (params.<key> or tags.<key>) whose values group the runs. */
  groupBy: text,
  /** The table, or charts of its runs' metrics (the chart settings have their own parameters). */
  view: enumParam(['table', 'charts'], 'table'),
  /** How many of the table's first runs the chart view draws when none is selected. */
  chartRuns: enumParam(CHART_RUN_COUNTS, '10'),
});
export type RunTableSearch = z.infer<typeof runTableSearchSchema>;

export function parseWidths(value: string): Record<string, number> {
  const widths = Object.create(null) as Record<string, number>;
  for (const item of splitList(value)) {
    const at = item.lastIndexOf(':');
    const px = Number(item.slice(at + 1));
    if (at > 0 && Number.isFinite(px)) widths[item.slice(0, at)] = Math.min(Math.max(Math.round(px), 40), 2000);
  }
  return widths;
}

export const formatWidths = (widths: Readonly<Record<string, number>>): string =>
  joinList(Object.entries(widths).map(([id, px]) => `${id}:${Math.round(px)}`));
