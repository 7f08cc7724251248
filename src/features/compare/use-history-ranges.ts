// Min and max of each compared run's stepped metrics, from the histories the line charts have
// loaded: read from the cache, never fetched here (a compare of 100 runs × 20 metrics would be
// 2,000 requests for two numbers each). A range shows as soon as its chart has loaded it.
import { useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import { metricHistoryQueryOptions, type MetricPoint } from '@/api/metrics.ts';
import type { Run } from '@/api/runs.ts';

type Range = { min: number; max: number };

// A history of a million points is scanned once, not on every render.
const rangeCache = new WeakMap<readonly MetricPoint[], Range | undefined>();

function rangeOf(points: readonly MetricPoint[]): Range | undefined {
  if (rangeCache.has(points)) return rangeCache.get(points);
  let min = Infinity;
  let max = -Infinity;
  for (const { value } of points) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const range = min <= max ? { min, max } : undefined;
  rangeCache.set(points, range);
  return range;
}

function combine(results: readonly { data?: readonly MetricPoint[] | undefined }[]) {
  return results.map((result) => (result.data ? rangeOf(result.data) : undefined));
}

export function useHistoryRanges(runs: readonly Run[], steppedKeys: readonly string[]) {
  const pairs = runs.flatMap((run) =>
    steppedKeys.filter((key) => Object.hasOwn(run.metrics, key)).map((key) => ({ runId: run.runId, key })),
  );
  const ranges = useQueries({
    queries: pairs.map(({ runId, key }) => ({ ...metricHistoryQueryOptions(runId, key), enabled: false })),
    combine,
  });
  const index = new Map(pairs.map(({ runId, key }, i) => [`${runId}\n${key}`, i]));
  return useCallback(
    (runId: string, key: string) => {
      const at = index.get(`${runId}\n${key}`);
      return at === undefined ? undefined : ranges[at];
    },
    // The index follows `pairs`, which follows runs and keys; ranges carries the data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ranges, runs, steppedKeys],
  );
}
