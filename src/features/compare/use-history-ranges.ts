// Min and max of each compared run's stepped metrics, from the histories the line charts have
// loaded: read from the cache, never fetched here (a compare of 100 runs × 20 metrics would be
// 2,000 requests for two numbers each). A range shows as soon as its chart has loaded it.
import { useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import { metricHistoryQueryOptions } from '@/api/metrics.ts';
import type { Run } from '@/api/runs.ts';
import { finiteRange, type MetricColumns } from '@/lib/series/history-columns.ts';

type Range = { min: number; max: number };

// A history of a million points is scanned once, not on every render.
const rangeCache = new WeakMap<MetricColumns, Range | undefined>();

function rangeOf(points: MetricColumns): Range | undefined {
  if (rangeCache.has(points)) return rangeCache.get(points);
  const finite = finiteRange(points.values);
  const range = finite ? { min: finite[0], max: finite[1] } : undefined;
  rangeCache.set(points, range);
  return range;
}

function combine(results: readonly { data?: MetricColumns | undefined }[]) {
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
