import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareOrder,
  initialSlices,
  pageAllRuns,
  sliceFilter,
  type AskPage,
  type PageAsk,
  type PagedRun,
  type PagingChunk,
} from './run-paging.ts';

// A stand-in for runs/search over a list of runs, enough for the engine's requests: the table's
// own filter is ignored, the start-time range clauses are applied (unless told to ignore or
// reject them), runs come newest first (then by id, as MLflow breaks ties) or oldest first, and a
// page token is an offset. The engine against the real server is e2e/partitioned-paging.spec.ts.
interface Backend {
  runs: PagedRun[];
  ranges?: 'apply' | 'ignore' | 'reject';
  asked: PageAsk[];
}

class Rejected extends Error {
  status = 400;
}

function askOf(backend: Backend): AskPage<PagedRun> {
  return async (ask) => {
    backend.asked.push(ask);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
    const hasRange = ask.filter.includes('attributes.start_time');
    if (hasRange && backend.ranges === 'reject') throw new Rejected('unsupported filter');
    let runs = backend.runs;
    if (hasRange && backend.ranges !== 'ignore') {
      const below = /attributes\.start_time <= (-?\d+)/.exec(ask.filter);
      const above = /attributes\.start_time > (-?\d+)/.exec(ask.filter);
      runs = runs.filter(
        (run) =>
          run.startTime !== undefined && (!below || run.startTime <= Number(below[1])) && (!above || run.startTime > Number(above[1])),
      );
    }
    const ascending = ask.orderBy?.[0] === 'attributes.start_time ASC';
    const sorted = [...runs].sort(
      (a, b) => (ascending ? 1 : -1) * ((a.startTime ?? -Infinity) - (b.startTime ?? -Infinity)) || a.runId.localeCompare(b.runId),
    );
    const offset = Number(ask.pageToken ?? 0);
    const page = sorted.slice(offset, offset + ask.maxResults);
    const next = offset + ask.maxResults;
    return { runs: page, next_page_token: next < sorted.length ? String(next) : undefined };
  };
}

async function collect(backend: Backend, options: { pageSize: number; lanes: number; slices: number; firstPageSize?: number }) {
  const chunks: PagingChunk<PagedRun>[] = [];
  for await (const chunk of pageAllRuns(askOf(backend), 'metrics.loss < 1', {
    firstPageSize: options.firstPageSize ?? 5,
    pageSize: () => options.pageSize,
    lanes: options.lanes,
    slices: options.slices,
    isRejection: (error) => error instanceof Rejected,
  }))
    chunks.push(chunk);
  return [...chunks].sort((a, b) => compareOrder(a.order, b.order)).flatMap((chunk) => chunk.runs);
}

const runsArbitrary = fc
  .array(fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined, freq: 40 }), { maxLength: 200 })
  .map((starts) => starts.map((startTime, i) => ({ runId: `r${String(i).padStart(3, '0')}`, startTime })));

describe('pageAllRuns', () => {
  it('returns every run once, newest first, whatever the start times, page sizes, lanes and slices', async () => {
    await fc.assert(
      fc.asyncProperty(
        runsArbitrary,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        async (runs, pageSize, lanes, slices) => {
          const backend: Backend = { runs, asked: [] };
          const merged = await collect(backend, { pageSize, lanes, slices });
          expect(merged.map((run) => run.runId).sort()).toEqual(runs.map((run) => run.runId).sort());
          const starts = merged.map((run) => run.startTime ?? -Infinity);
          // Newest first when every run has a start time (a run without one forces sequential
          // paging, where the server's own order stands).
          if (runs.every((run) => run.startTime !== undefined)) expect(starts).toEqual([...starts].sort((a, b) => b - a));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sends the slices as range filters after the table’s own filter, and the probe for the oldest run', async () => {
    const runs = Array.from({ length: 100 }, (_, i) => ({ runId: `r${i}`, startTime: 1000 + i * 10 }));
    const backend: Backend = { runs, asked: [] };
    await collect(backend, { pageSize: 1000, lanes: 3, slices: 4 });
    expect(backend.asked[0]).toEqual({ filter: 'metrics.loss < 1', maxResults: 5 });
    expect(backend.asked[1]).toEqual({ filter: 'metrics.loss < 1', maxResults: 1, orderBy: ['attributes.start_time ASC'] });
    // The first page holds the 5 newest (1990 … 1950); the rest, 1950 and older, in 4 slices.
    expect(backend.asked.slice(2).map((ask) => ask.filter)).toEqual([
      'metrics.loss < 1 AND attributes.start_time <= 1950 AND attributes.start_time > 1712',
      'metrics.loss < 1 AND attributes.start_time <= 1712 AND attributes.start_time > 1475',
      'metrics.loss < 1 AND attributes.start_time <= 1475 AND attributes.start_time > 1237',
      'metrics.loss < 1 AND attributes.start_time <= 1237',
    ]);
  });

  it('splits a big slice when a lane is free instead of following its token', async () => {
    // Most runs in the oldest tenth of the time: the first cut leaves one slice with nearly all.
    const runs = [
      ...Array.from({ length: 300 }, (_, i) => ({ runId: `old${i}`, startTime: i })),
      ...Array.from({ length: 10 }, (_, i) => ({ runId: `new${i}`, startTime: 3000 + i })),
    ];
    const backend: Backend = { runs, asked: [] };
    const merged = await collect(backend, { pageSize: 40, lanes: 3, slices: 3 });
    expect(merged).toHaveLength(310);
    const tokens = backend.asked.filter((ask) => ask.pageToken !== undefined);
    const ranges = new Set(backend.asked.map((ask) => ask.filter));
    expect(ranges.size).toBeGreaterThan(8);
    expect(tokens.length).toBeLessThan(backend.asked.length / 2);
  });

  it('falls back to sequential paging when the backend rejects the range filter', async () => {
    const runs = Array.from({ length: 57 }, (_, i) => ({ runId: `r${i}`, startTime: i }));
    const backend: Backend = { runs, ranges: 'reject', asked: [] };
    const merged = await collect(backend, { pageSize: 10, lanes: 2, slices: 4 });
    expect(merged.map((run) => run.startTime)).toEqual(runs.map((run) => run.startTime).reverse());
    expect(backend.asked.filter((ask) => ask.pageToken !== undefined && !ask.filter.includes('start_time'))).toHaveLength(6);
  });

  it('falls back to sequential paging when the backend ignores the range filter, with nothing doubled', async () => {
    const runs = Array.from({ length: 57 }, (_, i) => ({ runId: `r${i}`, startTime: i }));
    const backend: Backend = { runs, ranges: 'ignore', asked: [] };
    const merged = await collect(backend, { pageSize: 10, lanes: 2, slices: 4 });
    expect(merged.map((run) => run.runId).sort()).toEqual(runs.map((run) => run.runId).sort());
  });

  it('pages sequentially when a run has no start time, and stops after one page when there is no more', async () => {
    const runs = [{ runId: 'a' }, ...Array.from({ length: 20 }, (_, i) => ({ runId: `r${i}`, startTime: i }))];
    const backend: Backend = { runs, asked: [] };
    expect(await collect(backend, { pageSize: 7, lanes: 2, slices: 4 })).toHaveLength(21);
    expect(backend.asked.some((ask) => ask.filter.includes('start_time <='))).toBe(false);
    const small: Backend = { runs: runs.slice(1, 4), asked: [] };
    await collect(small, { pageSize: 7, lanes: 2, slices: 4 });
    expect(small.asked).toHaveLength(1);
  });

  it('cancels requests in flight when a request fails for good', async () => {
    const signals: AbortSignal[] = [];
    let calls = 0;
    const ask: AskPage<PagedRun> = (request, signal) => {
      calls += 1;
      signals.push(signal);
      if (calls === 1) return Promise.resolve({ runs: [{ runId: 'a', startTime: 100 }], next_page_token: '1' });
      if (calls === 2) return Promise.resolve({ runs: [{ runId: 'z', startTime: 0 }] });
      if (calls === 3) return Promise.reject(new Error('HTTP 500'));
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    };
    const pages = pageAllRuns(ask, '', { firstPageSize: 1, pageSize: () => 10, lanes: 3, slices: 3, isRejection: () => false });
    await expect(
      (async () => {
        for await (const chunk of pages) void chunk;
      })(),
    ).rejects.toThrow('HTTP 500');
    expect(signals.slice(3).every((signal) => signal.aborted)).toBe(true);
  });
});

describe('slices', () => {
  it('cut (oldest, newest] into equal ranges, the last without a lower end', () => {
    expect(initialSlices(100, 0, 4)).toEqual([
      { below: 100, above: 75 },
      { below: 75, above: 50 },
      { below: 50, above: 25 },
      { below: 25, above: undefined },
    ]);
    // Never more slices than milliseconds.
    expect(initialSlices(2, 0, 8)).toEqual([
      { below: 2, above: 1 },
      { below: 1, above: undefined },
    ]);
  });

  it('join the range to the table’s filter with AND', () => {
    expect(sliceFilter('', 10, undefined)).toBe('attributes.start_time <= 10');
    expect(sliceFilter(" tags.x = 'a' ", 10, 5)).toBe("tags.x = 'a' AND attributes.start_time <= 10 AND attributes.start_time > 5");
  });

  it('order chunks element by element, a prefix first', () => {
    expect([[1, 2], [0], [1, 1, 5], [1, 1], [2, 0]].sort(compareOrder)).toEqual([[0], [1, 1], [1, 1, 5], [1, 2], [2, 0]]);
  });
});
