// Every run of a search as the run table loads it: the first page, then the rest in parallel
// start-time slices (run-paging.ts), each answer written to the query cache as it arrives.
// Loaded lazily by runSearchQueryOptions (src/api/runs.ts), with the first request.
import type { QueryFunctionContext } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';
import { quietRetryDelayMs, shouldRetryQuietly } from './retry-policy.ts';
import { compareOrder, pageAllRuns, type PageAsk, type PagingChunk } from './run-paging.ts';
import { FIRST_RUN_PAGE_SIZE, nextRunPageSize } from './run-page-size.ts';
import type { Run, RunPage, RunSearchParams, searchRuns } from './runs.ts';

/**
 * Requests in flight at once and the first cut of start-time slices (run-paging.ts). Measured on
 * 2 cores against `mlflow server --workers 2` (scripts/bench): see docs/run-paging.md.
 */
export const PAGING_LANES = 3;
export const PAGING_SLICES = 8;

/** Every run of a search: pages in the order the table lists them, and whether all are in. */
export interface RunPages {
  pages: RunPage[];
  /** Where each page sits (run-paging.ts's order), parallel to `pages`. */
  orders: (readonly number[])[];
  complete: boolean;
}

export function addRunChunk(state: RunPages, chunk: PagingChunk<Run>): RunPages {
  let at = state.orders.length;
  while (at > 0 && compareOrder(state.orders[at - 1] ?? [], chunk.order) > 0) at -= 1;
  return {
    pages: [...state.pages.slice(0, at), { runs: chunk.runs }, ...state.pages.slice(at)],
    orders: [...state.orders.slice(0, at), chunk.order, ...state.orders.slice(at)],
    complete: false,
  };
}

const countRuns = (data: RunPages) => data.pages.reduce((sum, page) => sum + page.runs.length, 0);

/** A request tried again behind "loading" as the app's retry policy says (a 5xx, a body cut off). */
async function withQuietRetries<T>(send: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await send();
    } catch (error) {
      if (signal.aborted || !shouldRetryQuietly(failures, error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, quietRetryDelayMs(failures, error)));
    }
  }
}

/**
 * Every run of a search (run-paging.ts: the first page, then start-time slices in parallel).
 * Each answer is shown as it arrives; a refetch of a table that was complete keeps showing it and
 * swaps in the new runs at the end, as an infinite query's refetch would (and one that failed
 * half-way keeps its runs until the new fetch has as many).
 */
export async function streamRunPages(search: typeof searchRuns, params: RunSearchParams, context: QueryFunctionContext): Promise<RunPages> {
  const { client, queryKey, signal } = context;
  const before = client.getQueryData<RunPages>(queryKey);
  // A table already shown stays until this fetch has more to show (all of it, when it was complete).
  const shownRuns = before ? (before.complete ? Infinity : countRuns(before)) : 0;
  let state: RunPages = { pages: [], orders: [], complete: false };
  const ask = (request: PageAsk, requestSignal: AbortSignal) =>
    withQuietRetries(
      () =>
        search(
          {
            ...params,
            filter: request.filter,
            maxResults: request.maxResults,
            pageToken: request.pageToken,
            ...(request.orderBy ? { orderBy: request.orderBy } : {}),
          },
          requestSignal,
        ),
      requestSignal,
    );
  const chunks = pageAllRuns(ask, params.filter, {
    firstPageSize: FIRST_RUN_PAGE_SIZE,
    pageSize: nextRunPageSize,
    lanes: PAGING_LANES,
    slices: PAGING_SLICES,
    isRejection: (error) => error instanceof ApiError && error.status === 400,
    signal,
  });
  for await (const chunk of chunks) {
    state = addRunChunk(state, chunk);
    if (countRuns(state) >= shownRuns) client.setQueryData<RunPages>(queryKey, state);
  }
  return { ...state, complete: true };
}
