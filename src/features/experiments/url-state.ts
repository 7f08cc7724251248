// The experiment list's URL contract. Names follow the MLflow UI's run-table params
// (searchFilter, orderByKey, orderByAsc, lifecycleFilter) so they read familiarly.
import * as z from 'zod/mini';
import type { ExperimentSearchParams } from '@/api/experiments.ts';
import { booleanParam, enumParam, parseSearchParams, textParam } from '@/lib/search-params.ts';

export const EXPERIMENT_SORT_KEYS = ['name', 'experiment_id', 'creation_time', 'last_update_time'] as const;
export type ExperimentSortKey = (typeof EXPERIMENT_SORT_KEYS)[number];

export const experimentListSearchSchema = z.object({
  searchFilter: textParam(),
  orderByKey: enumParam(EXPERIMENT_SORT_KEYS, 'last_update_time'),
  orderByAsc: z._default(booleanParam(false), false),
  /** "active" hides deleted experiments; "all" shows them with a badge. */
  lifecycleFilter: enumParam(['active', 'all'], 'active'),
  /** Experiments ticked for a joint run table (comma-separated ids). */
  selected: textParam(),
});
export type ExperimentListSearch = z.infer<typeof experimentListSearchSchema>;

/** The experiments/search every list view starts with (all experiments; the name filter runs on them locally first). */
export function experimentListSearch(params: URLSearchParams): ExperimentSearchParams {
  const search = parseSearchParams(experimentListSearchSchema, params);
  return { viewType: search.lifecycleFilter === 'all' ? 'ALL' : 'ACTIVE_ONLY', nameContains: '' };
}
