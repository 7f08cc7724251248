import { describe, expect, it, vi } from 'vitest';
import { addRunChunk, type RunPages } from './run-pages.ts';
import { MAX_RUN_PAGE_SIZE, modelHistoryPaths, nextRunPageSize, searchRuns, type RunPage, type Run } from './runs.ts';

const run = (metricCount: number): Run =>
  ({
    metrics: Object.fromEntries(Array.from({ length: metricCount }, (_, i) => [`m${i}`, i])),
    params: { a: '1' },
    tags: { t: 'x' },
  }) as unknown as Run;
const page = (runs: Run[], token?: string): RunPage => ({ runs, next_page_token: token });

describe('modelHistoryPaths', () => {
  it('reads the artifact paths of MLflow 2 model history, and ignores a malformed tag', () => {
    expect(
      modelHistoryPaths('[{"artifact_path":"model","flavors":{}},{"artifact_path":"model"},{"artifact_path":"best_estimator"}]'),
    ).toEqual(['model', 'best_estimator']);
    expect(modelHistoryPaths('{not json')).toEqual([]);
    expect(modelHistoryPaths('{"artifact_path":"x"}')).toEqual([]);
  });
});

describe('run paging', () => {
  it('keeps pages of ordinary runs at the maximum size', () => {
    expect(nextRunPageSize(page(Array.from({ length: 100 }, () => run(20))))).toBe(MAX_RUN_PAGE_SIZE);
  });

  it('shrinks pages of heavy runs so each body stays small', () => {
    // 1,500 metrics a run: about 33 runs make 50,000 entries.
    expect(nextRunPageSize(page([run(1498), run(1498)]))).toBe(33);
    expect(nextRunPageSize(page([run(100_000)]))).toBe(20);
  });
});

describe('addRunChunk', () => {
  it('places each answer by its order, whatever order the answers arrive in', () => {
    const named = (name: string) => ({ runId: name }) as unknown as Run;
    let state: RunPages = { pages: [], orders: [], complete: false };
    for (const [order, name] of [
      [[0], 'first'],
      [[1, 2, 0], 'slice 2'],
      [[1, 0, 0], 'slice 0'],
      [[1, 0, 1, 1, 0], 'slice 0, second half'],
      [[1, 0, 1, 0, 0], 'slice 0, first half'],
    ] as const)
      state = addRunChunk(state, { order, runs: [named(name)] });
    expect(state.pages.map((p) => p.runs[0]?.runId)).toEqual([
      'first',
      'slice 0',
      'slice 0, first half',
      'slice 0, second half',
      'slice 2',
    ]);
  });
});

describe('run parsing', () => {
  it('normalises metric values (NaN strings, the ±1.797e308 clamp) into a prototype-free record', async () => {
    const body = {
      runs: [
        {
          info: { run_id: 'r1', experiment_id: '1', status: 'FINISHED', start_time: '5' },
          data: {
            metrics: [
              { key: 'nan', value: 'NaN', step: 0 },
              { key: 'inf', value: 1.7976931348623157e308 },
              { key: '__proto__', value: 2 },
              { key: 'ok', value: 0.5, timestamp: '7' },
              { key: 'loss', value: 0.1, step: '12' },
              { key: 'big', value: 0.2, step: '9007199254740993' },
              'junk',
            ],
            params: [{ key: 'p', value: 'v' }],
          },
          outputs: { model_outputs: [{ model_id: 'm-1', step: 0 }] },
        },
      ],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })),
    );
    const page = await searchRuns({ experimentIds: ['1'], filter: '', viewType: 'ACTIVE_ONLY', maxResults: 50 });
    const run = page.runs[0]!;
    expect(run.metrics['nan']).toBeNaN();
    expect(run.metrics['inf']).toBe(Infinity);
    expect(run.metrics['ok']).toBe(0.5);
    expect(Object.keys(run.metrics)).toEqual(['nan', 'inf', '__proto__', 'ok', 'loss', 'big']);
    // Logged at a step other than 0: a history for a line chart; the others are single values.
    expect(Object.keys(run.steppedMetrics)).toEqual(['loss', 'big']);
    expect(run.params['p']).toBe('v');
    expect(run.modelIds).toEqual(['m-1']);
    expect(run.startTime).toBe(5);
    vi.unstubAllGlobals();
  });
});
