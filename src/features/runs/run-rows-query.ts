// The runs/search query behind the run table, apart from the table's code: the experiment
// route's loader (in the first bundle) starts it while the page's own code still downloads.
import { runSearchQueryOptions, type RunSearchParams } from '@/api/runs.ts';
import type { ViewType } from '@/api/wire.ts';
import { toRunFilter } from './to-run-filter.ts';
import type { RunTableSearch } from './url-state.ts';

const VIEW_TYPES: Record<RunTableSearch['lifecycleFilter'], ViewType> = { active: 'ACTIVE_ONLY', deleted: 'DELETED_ONLY', all: 'ALL' };

type TableFilter = Pick<RunTableSearch, 'searchFilter' | 'lifecycleFilter'>;

/** What the table asks runs/search for, from its URL state. */
export function runRowsSearchParams(experimentIds: readonly string[], search: TableFilter): RunSearchParams {
  return { experimentIds, filter: toRunFilter(search.searchFilter), viewType: VIEW_TYPES[search.lifecycleFilter] };
}

/** The runs/search query behind the table; route loaders start it before the table mounts. */
export function runRowsQueryOptions(experimentIds: readonly string[], search: TableFilter) {
  return runSearchQueryOptions(runRowsSearchParams(experimentIds, search));
}
