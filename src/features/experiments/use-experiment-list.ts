// Loads every experiment (all pages, not the first 25) and decides where the name filter runs:
// in the browser, instantly, while the whole list fits; on the server once it does not.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { EXPERIMENT_PAGE_SIZE, experimentSearchQueryOptions, type Experiment } from '@/api/experiments.ts';
import type { ViewType } from '@/api/wire.ts';
import { filterExperimentsByName, sortExperiments } from './sort-experiments.ts';
import type { ExperimentListSearch } from './url-state.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

/** Above this many experiments the browser stops paging and the server filters by name. */
export const CLIENT_SIDE_LIMIT = 10 * EXPERIMENT_PAGE_SIZE;

function useAllPages(viewType: ViewType, nameContains: string, enabled: boolean) {
  const query = useInfiniteQuery({ ...experimentSearchQueryOptions({ viewType, nameContains }), enabled });
  const pages = query.data?.pages;
  const loaded = useMemo(() => pages?.flatMap((page) => page.experiments) ?? [], [pages]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = query;
  const wantsMore = enabled && hasNextPage && !isError && loaded.length < CLIENT_SIDE_LIMIT;

  // Keep paging until the token runs out or the client-side limit is reached.
  useEffect(() => {
    if (wantsMore && !isFetchingNextPage) void fetchNextPage();
  }, [wantsMore, isFetchingNextPage, fetchNextPage]);

  return { query, loaded, isPaging: wantsMore, isCapped: hasNextPage && loaded.length >= CLIENT_SIDE_LIMIT };
}

export function useExperimentList(search: ExperimentListSearch) {
  const viewType: ViewType = search.lifecycleFilter === 'all' ? 'ALL' : 'ACTIVE_ONLY';
  const everything = useAllPages(viewType, '', true);
  // Only when the browser cannot hold every experiment does the filter go to the server.
  const serverFiltered = everything.isCapped;
  const serverFilter = useDebouncedValue(search.searchFilter.trim(), 300);
  const filtered = useAllPages(viewType, serverFilter, serverFiltered && serverFilter !== '');
  const active = serverFiltered && serverFilter !== '' ? filtered : everything;

  const rows: Experiment[] = useMemo(
    () => sortExperiments(filterExperimentsByName(active.loaded, search.searchFilter), search.orderByKey, search.orderByAsc),
    [active.loaded, search.searchFilter, search.orderByKey, search.orderByAsc],
  );

  return { query: active.query, rows, loadedCount: active.loaded.length, serverFiltered, isPaging: active.isPaging };
}
