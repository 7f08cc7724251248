import { describe, expect, it } from 'vitest';
import { MAX_RUN_PAGE_SIZE, modelHistoryPaths, nextRunPageSize, nextRunPageToken, type RunPage, type Run } from './runs.ts';

const run = (metricCount: number): Run =>
  ({ metrics: Object.fromEntries(Array.from({ length: metricCount }, (_, i) => [`m${i}`, i])), params: { a: '1' }, tags: { t: 'x' } }) as unknown as Run;
const page = (runs: Run[], token?: string): RunPage => ({ runs, next_page_token: token });

describe('modelHistoryPaths', () => {
  it('reads the artifact paths of MLflow 2 model history, and ignores a malformed tag', () => {
    expect(modelHistoryPaths('[{"artifact_path":"model","flavors":{}},{"artifact_path":"model"},{"artifact_path":"best_estimator"}]')).toEqual(['model', 'best_estimator']);
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

  it('stops on an absent, repeated or empty-page token', () => {
    const first = page([run(1)], 'a');
    expect(nextRunPageToken(first, [first])).toBe('a');
    const again = page([run(1)], 'a');
    expect(nextRunPageToken(again, [first, again])).toBeUndefined();
    expect(nextRunPageToken(page([], 'b'), [first])).toBeUndefined();
    expect(nextRunPageToken(page([run(1)]), [first])).toBeUndefined();
  });
});
