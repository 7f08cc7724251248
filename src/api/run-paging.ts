// Every run of a search, in parallel slices after the first page. MLflow's page tokens are
// sequential (page n + 1 needs page n's token), so a search paged the usual way is one request
// after another while the server's other workers sit idle: 10,000 runs took ~22 s that way.
// After the first page, the rest of the runs (started no later than the first page's oldest) are
// split into start-time ranges — disjoint filters the server answers independently — and fetched
// a few at a time; a range that turns out big is split again whenever a lane is free. A run on a
// boundary, or answered twice, is dropped by id. A backend that rejects the range filter (HTTP
// 400) or ignores it (answers a run outside the range) is paged sequentially instead, and so is
// an experiment whose runs lack start times. No HTTP here: the caller passes how to ask for a page.
import { linkedController } from './linked-abort.ts';

/** What the engine needs of a run. */
export interface PagedRun {
  runId: string;
  /** Start time in ms; a run without one cannot be found by a start-time range. */
  startTime?: number | undefined;
}

export interface PageAnswer<R> {
  runs: R[];
  next_page_token?: string | undefined;
}

export interface PageAsk {
  filter: string;
  maxResults: number;
  pageToken?: string | undefined;
  /** Absent: the search's own order, start time newest first. */
  orderBy?: readonly string[];
}

export type AskPage<R> = (ask: PageAsk, signal: AbortSignal) => Promise<PageAnswer<R>>;

/**
 * Runs for the result. Chunks sorted by `order` (compared element by element, see compareOrder)
 * list the runs newest first, as sequential paging would, however the answers arrived.
 */
export interface PagingChunk<R> {
  order: readonly number[];
  runs: R[];
}

export interface PagingOptions<R> {
  firstPageSize: number;
  /** The size of every later page, from the first page (heavy runs make smaller pages). */
  pageSize: (first: PageAnswer<R>) => number;
  /** Requests in flight at once. */
  lanes: number;
  /** Start-time ranges the rest is cut into at first; more appear as big ranges are split. */
  slices: number;
  /** Whether an error means "this backend does not take a start-time range". */
  isRejection: (error: unknown) => boolean;
  signal?: AbortSignal | undefined;
}

export function compareOrder(a: readonly number[], b: readonly number[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/** A start-time range, newest end inclusive: `above < start_time <= below` (no lower end: everything older). */
interface Slice {
  order: number[];
  below: number;
  above: number | undefined;
  token: string | undefined;
  /** Pages of this slice answered so far. */
  seq: number;
}

/** The filter of one slice: the search's own conditions and the range (MLflow joins conditions with AND only). */
export function sliceFilter(filter: string, below: number, above: number | undefined): string {
  const range = [`attributes.start_time <= ${below}`, ...(above === undefined ? [] : [`attributes.start_time > ${above}`])];
  return [filter.trim(), ...range].filter(Boolean).join(' AND ');
}

/**
 * The first cut of (oldest, newest]: `count` ranges of equal time, newest first; the last has no
 * lower end, so a wrong probe of the oldest run loses nothing.
 */
export function initialSlices(newest: number, oldest: number, count: number): { below: number; above: number | undefined }[] {
  const span = newest - oldest;
  const n = Math.max(1, Math.min(count, span));
  const bounds = Array.from({ length: n }, (_, i) => newest - Math.round((span * i) / n));
  return bounds.map((below, i) => ({ below, above: i === n - 1 ? undefined : bounds[i + 1] }));
}

type Outcome<R> = { slice: Slice; page: PageAnswer<R> } | { slice: Slice; error: unknown };

export async function* pageAllRuns<R extends PagedRun>(
  ask: AskPage<R>,
  filter: string,
  options: PagingOptions<R>,
): AsyncGenerator<PagingChunk<R>> {
  // One controller for every request: when the consumer stops (or one request fails for good),
  // the others are cancelled too.
  const link = linkedController(options.signal);
  const { controller } = link;
  const seen = new Set<string>();
  const fresh = (runs: readonly R[]) => runs.filter((run) => !seen.has(run.runId) && (seen.add(run.runId), true));
  try {
    const first = await ask({ filter, maxResults: options.firstPageSize }, controller.signal);
    yield { order: [0], runs: fresh(first.runs) };
    const token = first.next_page_token;
    if (!token || first.runs.length === 0) return;
    const pageSize = options.pageSize(first);
    const oldest = await probeOldest(ask, filter, first, controller.signal);
    if (oldest !== undefined) {
      const outcome = yield* partitioned(ask, filter, first, oldest, pageSize, fresh, options, controller.signal);
      if (outcome === 'done') return;
    }
    yield* sequential(ask, filter, token, pageSize, fresh, controller.signal);
  } finally {
    link.dispose();
  }
}

/**
 * The oldest run's start time, or undefined when the runs cannot be sliced by start time: a
 * first-page run without one, an oldest run without one (a run the ranges would never find),
 * every remaining run on one millisecond, or a probe that failed (sequential paging needs no probe).
 */
async function probeOldest<R extends PagedRun>(ask: AskPage<R>, filter: string, first: PageAnswer<R>, signal: AbortSignal) {
  if (first.runs.some((run) => run.startTime === undefined)) return undefined;
  let answer: PageAnswer<R>;
  try {
    answer = await ask({ filter, maxResults: 1, orderBy: ['attributes.start_time ASC'] }, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
  const oldest = answer.runs[0]?.startTime;
  const newest = oldestStart(first.runs);
  return oldest === undefined || newest === undefined || oldest >= newest ? undefined : oldest;
}

/** The oldest start time of runs listed newest first. */
function oldestStart(runs: readonly PagedRun[]): number | undefined {
  let oldest: number | undefined;
  for (const run of runs) if (run.startTime !== undefined && (oldest === undefined || run.startTime < oldest)) oldest = run.startTime;
  return oldest;
}

async function* partitioned<R extends PagedRun>(
  ask: AskPage<R>,
  filter: string,
  first: PageAnswer<R>,
  oldest: number,
  pageSize: number,
  fresh: (runs: readonly R[]) => R[],
  options: PagingOptions<R>,
  outer: AbortSignal,
): AsyncGenerator<PagingChunk<R>, 'done' | 'sequential'> {
  // Requests still in flight when slicing gives up (or fails) are cancelled.
  const link = linkedController(outer);
  const { signal } = link.controller;
  try {
    return yield* sliced(ask, filter, newestOf(first, oldest), oldest, pageSize, fresh, options, signal);
  } finally {
    link.dispose();
  }
}

// Runs after the first page start no later than its oldest run (ties included: the first page
// may hold only some of the runs of that millisecond).
const newestOf = <R extends PagedRun>(first: PageAnswer<R>, oldest: number) => oldestStart(first.runs) ?? oldest;

async function* sliced<R extends PagedRun>(
  ask: AskPage<R>,
  filter: string,
  newest: number,
  oldest: number,
  pageSize: number,
  fresh: (runs: readonly R[]) => R[],
  options: PagingOptions<R>,
  signal: AbortSignal,
): AsyncGenerator<PagingChunk<R>, 'done' | 'sequential'> {
  const queue: Slice[] = initialSlices(newest, oldest, options.slices).map((range, i) => ({
    ...range,
    order: [1, i],
    token: undefined,
    seq: 0,
  }));
  const answers: Outcome<R>[] = [];
  let wake: (() => void) | undefined;
  let active = 0;
  const launch = () => {
    while (active < options.lanes && queue.length > 0) {
      const slice = queue.shift() as Slice;
      active += 1;
      ask({ filter: sliceFilter(filter, slice.below, slice.above), maxResults: pageSize, pageToken: slice.token }, signal)
        .then(
          (page) => answers.push({ slice, page }),
          (error: unknown) => answers.push({ slice, error }),
        )
        .finally(() => wake?.());
    }
  };
  launch();
  while (active > 0) {
    if (answers.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const answer = answers.shift();
    if (!answer) continue;
    active -= 1;
    const { slice } = answer;
    if ('error' in answer) {
      if (!signal.aborted && options.isRejection(answer.error)) return 'sequential';
      throw answer.error;
    }
    const { page } = answer;
    // A backend that ignores the range answers runs outside it: its answers cannot be merged.
    if (
      page.runs.some(
        (run) => run.startTime === undefined || run.startTime > slice.below || (slice.above !== undefined && run.startTime <= slice.above),
      )
    )
      return 'sequential';
    yield { order: [...slice.order, slice.seq], runs: fresh(page.runs) };
    const token = page.next_page_token;
    if (token && page.runs.length > 0 && token !== slice.token)
      queue.unshift(...continuation(slice, page, token, oldest, queue.length + active < options.lanes));
    launch();
  }
  return 'done';
}

/**
 * What is left of a slice after a page: the page's token followed, or — when a lane would
 * otherwise sit idle — the rest of its range cut in two, each half a filter of its own. The
 * rest starts at the page's oldest run (inclusive: more runs may share that millisecond).
 */
function continuation<R extends PagedRun>(slice: Slice, page: PageAnswer<R>, token: string, oldest: number, idleLane: boolean): Slice[] {
  const next = { order: slice.order, seq: slice.seq + 1 };
  const restBelow = oldestStart(page.runs) ?? slice.below;
  const low = slice.above ?? oldest;
  if (!idleLane || restBelow - low < 2) return [{ ...slice, ...next, token }];
  const middle = Math.floor((restBelow + low) / 2);
  const order = [...slice.order, next.seq];
  return [
    { order: [...order, 0], below: restBelow, above: middle, token: undefined, seq: 0 },
    { order: [...order, 1], below: middle, above: slice.above, token: undefined, seq: 0 },
  ];
}

/** The rest after the first page, one token after another; chunks sort after any sliced ones. */
async function* sequential<R extends PagedRun>(
  ask: AskPage<R>,
  filter: string,
  firstToken: string,
  pageSize: number,
  fresh: (runs: readonly R[]) => R[],
  signal: AbortSignal,
): AsyncGenerator<PagingChunk<R>> {
  const tokens = new Set([firstToken]);
  let token: string | undefined = firstToken;
  for (let seq = 0; token !== undefined; seq++) {
    const page: PageAnswer<R> = await ask({ filter, maxResults: pageSize, pageToken: token }, signal);
    yield { order: [2, seq], runs: fresh(page.runs) };
    const next = page.next_page_token;
    // Absent, repeated, or after an empty page (SQL stores send a token whenever a page is full).
    token = next && page.runs.length > 0 && !tokens.has(next) ? next : undefined;
    if (token) tokens.add(token);
  }
}
