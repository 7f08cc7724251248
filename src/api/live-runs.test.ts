import type { InfiniteData } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchLiveRunUpdates, mergeLiveRuns, newestStart } from './live-runs.ts';
import type { Run, RunPage } from './runs.ts';

const run = (runId: string, startTime: number, loss = 1, status: Run['status'] = 'RUNNING') =>
  ({ runId, startTime, status, metrics: { loss }, params: {}, tags: {} }) as unknown as Run;
const data = (...pages: Run[][]): InfiniteData<RunPage> => ({
  pages: pages.map((runs) => ({ runs, next_page_token: undefined }) as unknown as RunPage),
  pageParams: pages.map(() => ({})),
});

afterEach(() => vi.unstubAllGlobals());

describe('mergeLiveRuns', () => {
  it('replaces a watched run where it sits and leaves other pages as they were', () => {
    const before = data([run('a', 3), run('b', 2)], [run('c', 1)]);
    const after = mergeLiveRuns(before, { updated: [run('b', 2, 0.5, 'FINISHED')], added: [] });
    expect(after.pages[0]!.runs.map((r) => [r.runId, r.metrics['loss'], r.status])).toEqual([
      ['a', 1, 'RUNNING'],
      ['b', 0.5, 'FINISHED'],
    ]);
    expect(after.pages[1]).toBe(before.pages[1]);
  });

  it('puts new runs on the first page once, whatever page already holds the rest', () => {
    const before = data([run('a', 3)], [run('c', 1)]);
    const after = mergeLiveRuns(before, { updated: [], added: [run('n', 4), run('a', 3), run('n', 4), run('c', 1)] });
    expect(after.pages.flatMap((page) => page.runs.map((r) => r.runId))).toEqual(['n', 'a', 'c']);
  });
});

describe('newestStart', () => {
  it('is the latest start time of any loaded run', () => {
    expect(newestStart(data([run('a', 3)], [run('c', 9)]).pages)).toBe(9);
    expect(newestStart([])).toBe(0);
  });
});

describe('fetchLiveRunUpdates', () => {
  it('asks for the watched runs by id and for runs started since, within the table’s filter', async () => {
    const bodies: Record<string, unknown>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
        return new Response(JSON.stringify({ runs: [] }), { status: 200 });
      }),
    );
    const ids = Array.from({ length: 150 }, (_, i) => `r${i}`);
    await fetchLiveRunUpdates({ experimentIds: ['1'], filter: "params.lr = '0.1'", viewType: 'ACTIVE_ONLY' }, [...ids, "it's"], 1234);
    const filters = bodies.map((body) => body['filter']);
    expect(filters[0]).toBe("params.lr = '0.1' and attributes.start_time >= 1234");
    // 151 ids in two requests of at most 100, quotes escaped.
    expect(filters.slice(1)).toHaveLength(2);
    expect(String(filters[2])).toContain("'it\\'s'");
    expect(bodies.slice(1).every((body) => body['run_view_type'] === 'ALL')).toBe(true);
  });
});
