// Every run of the experiment(s), page after page until the token runs out, nested under
// their parents at any depth. Parents missing from the results (filtered out, or deleted)
// are fetched with runs/get and shown as context.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { missingAncestorsQueryOptions } from '@/api/runs.ts';
import { runRowsQueryOptions, runRowsSearchParams } from './run-rows-query.ts';
import { buildForest, missingParentIds } from '@/lib/run-tree.ts';
import { collectKeys } from './collect-keys.ts';
import { runForest } from './row-tree.ts';
import type { RunTableSearch } from './url-state.ts';
import { useLiveRows } from './use-live-rows.ts';

export function useRunRows(experimentIds: readonly string[], search: RunTableSearch) {
  const query = useInfiniteQuery(runRowsQueryOptions(experimentIds, search));
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = query;
  const pages = query.data?.pages;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const items = useMemo(() => (pages ?? []).flatMap((page) => page.runs), [pages]);
  // Only once every page is in: a parent on a later page is not missing.
  const missing = useMemo(() => (hasNextPage ? [] : missingParentIds(items, [], runForest)), [items, hasNextPage]);
  const ancestors = useQuery(missingAncestorsQueryOptions(missing));
  const ancestorRuns = ancestors.data;

  const rows = useMemo(() => buildForest(items, ancestorRuns ?? [], runForest), [items, ancestorRuns]);
  const keys = useMemo(() => collectKeys([...(pages ?? []).map((page) => page.runs), ancestorRuns ?? []]), [pages, ancestorRuns]);
  const isPaging = Boolean(hasNextPage) && !isError;
  const live = useLiveRows(runRowsSearchParams(experimentIds, search), pages, isPaging);
  return { query, rows, keys, loadedCount: items.length, isPaging, live };
}
