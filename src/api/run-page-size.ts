// How many runs a runs/search page asks for.
import { RUN_TABLE_FIRST_PAGE_SIZE } from '../../contract/run-table-request.ts';

/** What sizing needs of a page: each run's key → value records. */
interface SizedPage {
  runs: readonly { metrics: object; params: object; tags: object }[];
}

/**
 * Page sizes for runs/search. The first page is small (50: a screenful and then some) so the
 * first rows show at once whatever a run weighs. Later pages aim at a fixed number of entries (params + metrics + tags), not
 * runs: 1,000 runs of 50 entries parse in a few tens of ms, but 1,000 runs of 1,500 metrics
 * are a 100 MB body whose parsing would freeze the tab, so such pages hold fewer runs.
 */
// The first page's size is the request runlens serve sends at navigation too: one constant.
export const FIRST_RUN_PAGE_SIZE = RUN_TABLE_FIRST_PAGE_SIZE;
export const MAX_RUN_PAGE_SIZE = 1000;
const MIN_RUN_PAGE_SIZE = 20;
const ENTRIES_PER_PAGE = 50_000;

/** Runs of a page whose entries are counted to size the next one: an estimate needs no more. */
const SIZE_SAMPLE = 25;

const countKeys = (record: object) => Object.keys(record).length;

export function nextRunPageSize(page: SizedPage): number {
  const { runs } = page;
  if (runs.length === 0) return MAX_RUN_PAGE_SIZE;
  const stride = Math.max(1, Math.floor(runs.length / SIZE_SAMPLE));
  let entries = 0;
  let sampled = 0;
  for (let i = 0; i < runs.length; i += stride) {
    const run = runs[i];
    if (!run) continue;
    entries += countKeys(run.metrics) + countKeys(run.params) + countKeys(run.tags);
    sampled += 1;
  }
  const perRun = Math.max(1, entries / Math.max(1, sampled));
  return Math.min(MAX_RUN_PAGE_SIZE, Math.max(MIN_RUN_PAGE_SIZE, Math.floor(ENTRIES_PER_PAGE / perRun)));
}
