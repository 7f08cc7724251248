import { afterEach, describe, expect, it, vi } from 'vitest';
import { countPageSize, getExperimentSummary, RUN_COUNT_CAP } from './experiment-summary.ts';

afterEach(() => vi.unstubAllGlobals());

interface SearchBody {
  experiment_ids: string[];
  run_view_type: string;
  max_results: number;
  order_by: string[];
  page_token?: string;
}

/**
 * A runs/search that pages `total` runs like MLflow's SQL store: an offset token whenever a page
 * is full. The newest run starts at `newestStart` and carries `metricsPerRun` metrics (the size
 * estimate reads it alone; the counting pages' runs are kept light so the test stays quick).
 */
function fakeServer(total: number, { newestStart = 1_700_000_000_000, metricsPerRun = 3 } = {}) {
  const bodies: SearchBody[] = [];
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as SearchBody;
    bodies.push(body);
    const offset = Number(body.page_token ?? 0);
    const count = Math.max(0, Math.min(body.max_results, total - offset));
    const runs = Array.from({ length: count }, (_, i) => ({
      info: { run_id: `r${offset + i}`, experiment_id: '7', start_time: String(newestStart - (offset + i) * 1000) },
      data: { metrics: body.max_results === 1 ? Array.from({ length: metricsPerRun }, (_, m) => ({ key: `m${m}`, value: m })) : [] },
    }));
    const full = count === body.max_results;
    return new Response(JSON.stringify({ runs, ...(full ? { next_page_token: String(offset + count) } : {}) }), { status: 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { bodies };
}

describe('getExperimentSummary', () => {
  it('counts 150 runs (many_runs) by paging active runs, newest first, and reads the newest start', async () => {
    const { bodies } = fakeServer(150);
    expect(await getExperimentSummary('7')).toEqual({ runCount: 150, capped: false, lastRunStart: 1_700_000_000_000 });
    expect(bodies[0]).toMatchObject({
      experiment_ids: ['7'],
      run_view_type: 'ACTIVE_ONLY',
      max_results: 1,
      order_by: ['attributes.start_time DESC'],
    });
    // Then one page of 1,000 holds them all.
    expect(bodies.slice(1).map((b) => [b.max_results, b.page_token])).toEqual([[1000, undefined]]);
  });

  it('answers an empty experiment with one request', async () => {
    const { bodies } = fakeServer(0);
    expect(await getExperimentSummary('7')).toEqual({ runCount: 0, capped: false, lastRunStart: undefined });
    expect(bodies).toHaveLength(1);
  });

  it('follows tokens across pages and stops on the last, short page', async () => {
    const { bodies } = fakeServer(2500);
    expect((await getExperimentSummary('7')).runCount).toBe(2500);
    expect(bodies.slice(1).map((b) => b.page_token)).toEqual([undefined, '1000', '2000']);
  });

  it('stops at the cap and says there are more', async () => {
    const { bodies } = fakeServer(12_345);
    expect(await getExperimentSummary('7')).toMatchObject({ runCount: RUN_COUNT_CAP, capped: true });
    // 1 (newest) + 10 pages + 1 run past the cap.
    expect(bodies).toHaveLength(12);
  });

  it('does not call exactly the cap a lower bound', async () => {
    fakeServer(RUN_COUNT_CAP);
    expect(await getExperimentSummary('7')).toMatchObject({ runCount: RUN_COUNT_CAP, capped: false });
  });

  it('counts heavy runs in smaller pages, and stops after twenty of them', async () => {
    const { bodies } = fakeServer(5000, { metricsPerRun: 1500 });
    const summary = await getExperimentSummary('7');
    expect(bodies[1]!.max_results).toBe(50);
    expect(summary).toMatchObject({ runCount: 20 * 50, capped: true });
    expect(bodies).toHaveLength(22);
  });

  it('stops on a token the server repeats', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ runs: [{ info: { run_id: 'a', start_time: 5 } }], next_page_token: 'same' }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    expect(await getExperimentSummary('7')).toEqual({ runCount: 2, capped: false, lastRunStart: 5 });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('fails with the server error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error_code: 'INTERNAL_ERROR', message: 'database is locked' }), { status: 500 })),
    );
    await expect(getExperimentSummary('7')).rejects.toThrow('database is locked');
  });
});

describe('countPageSize', () => {
  it('keeps ordinary runs at 1,000 a page and shrinks heavy ones to a floor', () => {
    expect(countPageSize(0)).toBe(1000);
    expect(countPageSize(30)).toBe(1000);
    expect(countPageSize(200)).toBe(250);
    expect(countPageSize(100_000)).toBe(50);
  });
});
