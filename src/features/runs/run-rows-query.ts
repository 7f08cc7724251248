// The runs/search query behind the run table, apart from the table's code: the experiment
// route's loader (in the first bundle) starts it while the page's own code still downloads.
import { runSearchQueryOptions, type RunSearchParams } from '@/api/runs.ts';
import { LIFECYCLE_VIEW_TYPES, toRunFilter } from '../../../contract/run-table-request.ts';
import type { RunTableSearch } from './url-state.ts';

type TableFilter = Pick<RunTableSearch, 'searchFilter' | 'lifecycleFilter'>;

/** What the table asks runs/search for, from its URL state (the same rules `runlens serve` applies: contract/run-table-request.ts). */
export function runRowsSearchParams(experimentIds: readonly string[], search: TableFilter): RunSearchParams {
  return { experimentIds, filter: toRunFilter(search.searchFilter), viewType: LIFECYCLE_VIEW_TYPES[search.lifecycleFilter] };
}

/** The runs/search query behind the table; route loaders start it before the table mounts. */
export function runRowsQueryOptions(experimentIds: readonly string[], search: TableFilter) {
  return runSearchQueryOptions(runRowsSearchParams(experimentIds, search));
}
