// Every run of the experiment(s) — the first page, then the rest in parallel start-time slices
// (api/run-paging.ts) — nested under their parents at any depth. Parents missing from the results (filtered out, or deleted)
// are fetched with runs/get and shown as context.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { missingAncestorsQueryOptions } from '@/api/runs.ts';
import { runRowsQueryOptions, runRowsSearchParams } from './run-rows-query.ts';
import { buildForest, missingParentIds } from '@/lib/run-tree.ts';
import { collectKeys } from './collect-keys.ts';
import { runForest } from './row-tree.ts';
import type { RunTableSearch } from './url-state.ts';
import { useLiveRows } from './use-live-rows.ts';

export function useRunRows(experimentIds: readonly string[], search: RunTableSearch) {
  const query = useQuery(runRowsQueryOptions(experimentIds, search));
  const pages = query.data?.pages;
  const complete = query.data?.complete === true;

  const items = useMemo(() => (pages ?? []).flatMap((page) => page.runs), [pages]);
  // Only once every page is in: a parent on a later page is not missing.
  const missing = useMemo(() => (complete ? missingParentIds(items, [], runForest) : []), [items, complete]);
  const ancestors = useQuery(missingAncestorsQueryOptions(missing));
  const ancestorRuns = ancestors.data;

  const rows = useMemo(() => buildForest(items, ancestorRuns ?? [], runForest), [items, ancestorRuns]);
  const keys = useMemo(() => collectKeys([...(pages ?? []).map((page) => page.runs), ancestorRuns ?? []]), [pages, ancestorRuns]);
  // Still loading pages (a failure stops it: the table keeps what arrived and says the rest failed).
  const isPaging = query.data !== undefined && !complete && !query.isError;
  const live = useLiveRows(runRowsSearchParams(experimentIds, search), pages, isPaging);
  return { query, rows, keys, loadedCount: items.length, isPaging, live };
}
