// Live refresh of a run table: what changed since the table was loaded, without paging the
// whole run set again. Two small runs/search calls: the runs that were RUNNING (by id), and
// runs started since the newest loaded one (a sweep's new children). The merge into the loaded
// pages is a pure function, so the table's cache is patched, never refetched whole.
import { searchRuns, type Run, type RunPage, type RunSearchParams } from './runs.ts';

/** runs/search filters are ANDed clauses; an IN list of this many ids stays a small request. */
const IDS_PER_REQUEST = 100;
/** New runs per poll: a sweep starting faster than this between two polls shows the rest on the next. */
const NEW_RUNS_PER_POLL = 1000;

export interface LiveRunUpdates {
  /** The watched runs as the server has them now (a deleted one is simply absent). */
  updated: Run[];
  /** Runs of the table's query that started at or after `since`. */
  added: Run[];
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const and = (...clauses: string[]) => clauses.filter((clause) => clause.trim() !== '').join(' and ');

export async function fetchLiveRunUpdates(
  params: RunSearchParams,
  watched: readonly string[],
  since: number,
  signal?: AbortSignal,
): Promise<LiveRunUpdates> {
  const chunks: string[][] = [];
  for (let i = 0; i < watched.length; i += IDS_PER_REQUEST) chunks.push(watched.slice(i, i + IDS_PER_REQUEST));
  const [added, ...updated] = await Promise.all([
    // Inclusive: two runs can start in the same millisecond; the merge drops what it already has.
    searchRuns({ ...params, filter: and(params.filter, `attributes.start_time >= ${since}`), maxResults: NEW_RUNS_PER_POLL }, signal),
    ...chunks.map((ids) =>
      // By id only, not the table's filter: a run that stops matching it (its metric moved past a
      // threshold) keeps its row until the next load, with its news.
      searchRuns(
        { ...params, filter: `attributes.run_id IN (${ids.map(quote).join(', ')})`, viewType: 'ALL', maxResults: IDS_PER_REQUEST },
        signal,
      ),
    ),
  ]);
  return { updated: updated.flatMap((page) => page.runs), added: added?.runs ?? [] };
}

/**
 * The loaded pages with the news applied: a watched run replaced where it sits, new runs put
 * on the first page (the table sorts rows itself). Unchanged pages keep their identity.
 */
export function mergeLiveRuns<D extends { pages: readonly RunPage[] }>(data: D, news: LiveRunUpdates): D {
  const updated = new Map(news.updated.map((run) => [run.runId, run]));
  const loaded = new Set<string>();
  const pages = data.pages.map((page) => {
    let changed = false;
    const runs = page.runs.map((run) => {
      loaded.add(run.runId);
      const next = updated.get(run.runId);
      if (!next || next === run) return run;
      changed = true;
      return next;
    });
    return changed ? { ...page, runs } : page;
  });
  const fresh = news.added.filter((run) => !loaded.has(run.runId));
  if (fresh.length === 0 || pages.length === 0) return { ...data, pages };
  const [first, ...rest] = pages as [RunPage, ...RunPage[]];
  return { ...data, pages: [{ ...first, runs: [...dedupe(fresh), ...first.runs] }, ...rest] };
}

function dedupe(runs: readonly Run[]): Run[] {
  const seen = new Set<string>();
  return runs.filter((run) => (seen.has(run.runId) ? false : (seen.add(run.runId), true)));
}

/** The newest start time among loaded runs: where "started since" begins. */
export function newestStart(pages: readonly RunPage[]): number {
  let newest = 0;
  for (const page of pages) for (const run of page.runs) if (run.startTime !== undefined && run.startTime > newest) newest = run.startTime;
  return newest;
}
