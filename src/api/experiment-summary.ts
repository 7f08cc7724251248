// An experiment's run count and its last run's start, for the experiment list. MLflow has no
// count endpoint (docs/mlflow-wire.md, Counting runs): runs are counted by paging runs/search,
// bounded in pages and in runs, and only for the rows a list actually renders.
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { requestJson } from './client.ts';
import { createLimiter } from './concurrency-limit.ts';
import { MAX_RUN_PAGE_SIZE, runSearchRequest } from './runs.ts';
import { list, pageToken, toInt64 } from './wire.ts';

/** Counting stops here; the list shows "10,000+". */
export const RUN_COUNT_CAP = 10_000;
/** And after this many pages, whatever their size (heavy runs make small pages). */
const MAX_COUNT_PAGES = 20;
/**
 * A counting page aims at this many entries (metrics + params + tags), like the run table's
 * pages (runs.ts): runs/search cannot leave the data out, and 1,000 runs of 1,500 metrics are a
 * 100 MB body. The newest run, fetched first for its start time, gives the estimate.
 */
const ENTRIES_PER_COUNT_PAGE = 50_000;
const MIN_COUNT_PAGE_SIZE = 50;

/** Four experiments' requests at a time: the browser keeps two more connections for the page. */
const limit = createLimiter(4);

// Runs are counted, not read: each is only checked to be there. The newest one's start time and
// size are read by hand below (a zod object per run would cost more than the count is worth).
const countPage = z.object({ runs: list(z.unknown()), next_page_token: pageToken });
type CountPage = z.output<typeof countPage>;

export interface ExperimentSummary {
  /** Active runs counted: all of them, or RUN_COUNT_CAP (or what MAX_COUNT_PAGES held) when `capped`. */
  runCount: number;
  /** There are more runs than were counted. */
  capped: boolean;
  /** Start time (ms) of the newest active run; undefined without runs, or when the server did not say. */
  lastRunStart: number | undefined;
}

/** The newest run's start time and its number of entries, from a run as it came off the wire. */
function readRun(run: unknown): { startTime: number | undefined; entries: number } {
  if (typeof run !== 'object' || run === null) return { startTime: undefined, entries: 0 };
  const { info, data } = run as { info?: { start_time?: unknown }; data?: Record<string, unknown> };
  const length = (field: unknown) => (Array.isArray(field) ? field.length : 0);
  return {
    startTime: toInt64(info?.start_time),
    entries: data ? length(data['metrics']) + length(data['params']) + length(data['tags']) : 0,
  };
}

/** Runs per counting page for runs of this many entries each. */
export function countPageSize(entriesPerRun: number): number {
  const size = Math.floor(ENTRIES_PER_COUNT_PAGE / Math.max(1, entriesPerRun));
  return Math.min(MAX_RUN_PAGE_SIZE, Math.max(MIN_COUNT_PAGE_SIZE, size));
}

async function page(experimentId: string, maxResults: number, token: string | undefined, signal?: AbortSignal): Promise<CountPage> {
  const spec = runSearchRequest({ experimentIds: [experimentId], filter: '', viewType: 'ACTIVE_ONLY', maxResults, pageToken: token });
  return limit(() => requestJson({ ...spec, signal }, countPage), signal);
}

export async function getExperimentSummary(experimentId: string, signal?: AbortSignal): Promise<ExperimentSummary> {
  // The newest run first (runSearchRequest orders by start time, newest first): its start is the
  // "last run", and a server with zero or one run is done in this one small request.
  const newest = await page(experimentId, 1, undefined, signal);
  const first = newest.runs[0];
  const { startTime: lastRunStart, entries } = readRun(first);
  if (first === undefined || !newest.next_page_token) return { runCount: newest.runs.length, capped: false, lastRunStart };

  const pageSize = countPageSize(entries);
  let runCount = 0;
  let token: string | undefined;
  for (let pages = 0; pages < MAX_COUNT_PAGES && runCount < RUN_COUNT_CAP; pages++) {
    // One page size throughout: a token is the server's own (docs/mlflow-wire.md, Paging).
    const counted = await page(experimentId, pageSize, token, signal);
    runCount += counted.runs.length;
    // SQL stores send a token whenever a page is full, so an empty page or a repeated token ends it.
    const next = counted.next_page_token;
    if (!next || next === token || counted.runs.length === 0) return { runCount, capped: false, lastRunStart };
    token = next;
  }
  if (runCount > RUN_COUNT_CAP) return { runCount: RUN_COUNT_CAP, capped: true, lastRunStart };
  // Stopped at a bound with a token in hand: one more run means the count is a lower bound
  // (a list of exactly 10,000 runs still reads "10,000", not "10,000+").
  const beyond = await page(experimentId, 1, token, signal);
  return { runCount, capped: beyond.runs.length > 0, lastRunStart };
}

export const experimentSummaryKeys = {
  // Under 'runs': whatever refreshes an experiment's runs refreshes its count too.
  all: ['runs', 'summary'] as const,
  detail: (experimentId: string) => ['runs', 'summary', { experimentId }] as const,
};

export function experimentSummaryQueryOptions(experimentId: string) {
  return queryOptions({
    queryKey: experimentSummaryKeys.detail(experimentId),
    queryFn: ({ signal }) => getExperimentSummary(experimentId, signal),
    // Counting costs up to twenty requests; a list a minute old is fine, and scrolling a row
    // out of view and back must not count it again.
    staleTime: 60_000,
  });
}
