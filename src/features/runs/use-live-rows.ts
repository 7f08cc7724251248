// While a run in the table is RUNNING, asks every `refresh=` period for that run's news and
// for runs started since (api/live-runs.ts) and patches them into the loaded pages, so the table
// moves without paging everything again. Polling pauses in a hidden tab (TanStack Query's
// refetchInterval) and ends when no loaded run is running any more.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { fetchLiveRunUpdates, mergeLiveRuns, newestStart } from '@/api/live-runs.ts';
import { pollingWithRecovery } from '@/api/retry-policy.ts';
import type { RunPages } from '@/api/run-pages.ts';
import { isLiveStatus, runKeys, type RunPage, type RunSearchParams } from '@/api/runs.ts';
import { useViewOptions } from '@/config/view-options.ts';

export interface LiveRows {
  /** Milliseconds between polls while live, false when nothing is polled. */
  intervalMs: number | false;
  /** How many loaded runs are being watched. */
  watching: number;
  /** The last poll failed (the table keeps what it has; the next poll tries again). */
  failed: boolean;
}

export function useLiveRows(params: RunSearchParams, pages: readonly RunPage[] | undefined, isPaging: boolean): LiveRows {
  const { refreshMs } = useViewOptions();
  const queryClient = useQueryClient();
  const watched = useMemo(
    () => (pages ?? []).flatMap((page) => page.runs.filter((run) => isLiveStatus(run.status)).map((run) => run.runId)),
    [pages],
  );
  const since = useMemo(() => newestStart(pages ?? []), [pages]);
  const enabled = refreshMs !== false && watched.length > 0 && !isPaging;
  // One key per table, not per watched set: each answer moves `since` and may end a run, and a
  // key that followed them would start a new query (and a fetch) at once instead of a period later.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  const live = useQuery({
    queryKey: [...runKeys.search(params), 'live'],
    queryFn: ({ signal }) => fetchLiveRunUpdates(params, watched, since, signal),
    enabled,
    refetchInterval: pollingWithRecovery(enabled ? refreshMs : false),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const news = live.data;
  useEffect(() => {
    if (!news) return;
    queryClient.setQueryData<RunPages>(runKeys.search(params), (data) => (data ? mergeLiveRuns(data, news) : data));
    // params is the table's key: news belong to the query they were asked for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [news, queryClient]);
  return { intervalMs: enabled ? refreshMs : false, watching: enabled ? watched.length : 0, failed: enabled && live.isError };
}
