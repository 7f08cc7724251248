// The runs a compare link names: a list of ids (each a runs/get, at most MAX_RUNS_BY_ID), or a
// query in the run table's own terms plus a count (one runs/search, at most MAX_RUNS_BY_QUERY),
// which stays current: "the best 20 runs of this experiment" is still that tomorrow.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { runQueryOptions, topRunsQueryOptions, type Run } from '@/api/runs.ts';
import { splitList } from '@/lib/search-params.ts';
import { MAX_RUNS_BY_ID, type CompareRunsSearch } from './url-state.ts';

export interface ComparedRuns {
  mode: 'ids' | 'query';
  runs: readonly Run[];
  /** Ids that could not be loaded (ids mode). */
  failedIds: readonly string[];
  /** The query's error (query mode). */
  error: unknown;
  pending: boolean;
  /** Ids the link names beyond MAX_RUNS_BY_ID, left out. */
  omitted: number;
  /** How many runs were asked for: the ids named, or the query's count. */
  asked: number;
}

/** A stable function, so TanStack Query keeps the combined result's identity while nothing changed (models memoise on `runs`). */
function combineRuns(results: readonly { data?: Run | undefined; isError: boolean; isPending: boolean }[]) {
  return {
    runs: results.flatMap((q) => (q.data ? [q.data] : [])),
    failed: results.map((q) => q.isError),
    pending: results.some((q) => q.isPending),
  };
}

export function useComparedRuns(selection: CompareRunsSearch): ComparedRuns {
  const requested = useMemo(() => [...new Set(splitList(selection.runs))], [selection.runs]);
  const experimentIds = useMemo(() => splitList(selection.experiments), [selection.experiments]);
  const byQuery = requested.length === 0 && experimentIds.length > 0;
  const ids = useMemo(() => requested.slice(0, MAX_RUNS_BY_ID), [requested]);

  const byId = useQueries({ queries: (byQuery ? [] : ids).map((runId) => runQueryOptions(runId)), combine: combineRuns });
  const top = useQuery({
    ...topRunsQueryOptions({
      experimentIds,
      filter: selection.searchFilter,
      orderByKey: selection.orderByKey,
      orderByAsc: selection.orderByAsc,
      count: selection.count,
    }),
    enabled: byQuery,
  });

  if (byQuery) {
    return {
      mode: 'query',
      runs: top.data ?? [],
      failedIds: [],
      error: top.error,
      pending: top.isPending,
      omitted: 0,
      asked: selection.count,
    };
  }
  return {
    mode: 'ids',
    runs: byId.runs,
    failedIds: ids.filter((_, i) => byId.failed[i]),
    error: undefined,
    pending: byId.pending,
    omitted: requested.length - ids.length,
    asked: ids.length,
  };
}
