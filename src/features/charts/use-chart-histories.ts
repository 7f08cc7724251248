// What one chart draws, as it loads: every run's full history (paged, every point), and while
// a long one is still on its way, a sample of it from the server (getMetricSample) so the chart
// is not blank for the tens of seconds a million points take. The sample is only asked for when
// some history is still loading after SAMPLE_AFTER_MS (a short history never costs a second
// request), never in render mode (a screenshot waits for every point anyway), and dropped once
// every point is in.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { metricHistoryQueryOptions, metricSampleQueryOptions } from '@/api/metrics.ts';
import { pollingWithRecovery } from '@/api/retry-policy.ts';
import { useViewOptions } from '@/config/view-options.ts';
import { colorAt } from '@/lib/run-color.ts';
import type { RunHistory } from '@/lib/series/chart-data.ts';

/** How long a chart waits for its histories before it asks for a sample to draw meanwhile. */
const SAMPLE_AFTER_MS = 300;

export interface ChartHistoryRun {
  runId: string;
  name: string;
  startTime?: number | undefined;
  live?: boolean | undefined;
}

const NO_RUNS: readonly string[] = [];

export function useChartHistories(
  metricKey: string,
  runs: readonly ChartHistoryRun[],
  hidden: ReadonlySet<string>,
  colors: ReadonlyMap<string, string>,
) {
  const { render, refreshMs } = useViewOptions();
  const queryClient = useQueryClient();
  // A running run's history is asked for again every refresh= period, and only its new points
  // are downloaded (metricHistoryQueryOptions' live mode).
  const queries = useQueries({
    queries: runs.map((run) => {
      const live = refreshMs !== false && run.live === true;
      return { ...metricHistoryQueryOptions(run.runId, metricKey, live), refetchInterval: pollingWithRecovery(live ? refreshMs : false) };
    }),
  });
  /** Some run's full history is not in yet. */
  const pending = queries.some((q) => q.isPending);
  const failed = queries.find((q) => q.isError);

  // One request samples every run of the chart (up to 100 a request): the key stays the same
  // as runs arrive, and a run already in simply is not drawn from it.
  const runIds = useMemo(() => runs.map((run) => run.runId), [runs]);
  const runKey = runIds.join(',');
  const [sampleFor, setSampleFor] = useState<string | undefined>();
  const wantSample = pending && !render && sampleFor !== runKey;
  useEffect(() => {
    if (!wantSample) return;
    const timer = setTimeout(() => setSampleFor(runKey), SAMPLE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [wantSample, runKey]);
  const sampleIds = sampleFor === runKey ? runIds : NO_RUNS;
  const sampleOptions = metricSampleQueryOptions(sampleIds ?? NO_RUNS, metricKey);
  const sample = useQuery({ ...sampleOptions, enabled: pending && sampleIds.length > 0 });
  // Every point is in: a sample still on its way would only hold the page's ready signal.
  const sampleKey = sampleOptions.queryKey;
  useEffect(() => {
    if (!pending) void queryClient.cancelQueries({ queryKey: sampleKey, exact: true });
    // sampleKey is rebuilt each render from sampleIds and metricKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending, queryClient, sampleIds, metricKey]);

  const samples = pending ? sample.data : undefined;
  const dataKey = `${queries.map((q) => q.dataUpdatedAt).join(',')}${samples ? `|sample ${sample.dataUpdatedAt}` : ''}`;
  const histories = useMemo<RunHistory[]>(
    () =>
      runs.flatMap((run, i) => {
        const points = queries[i]?.data ?? samples?.get(run.runId);
        return points && !hidden.has(run.runId)
          ? [
              {
                runId: run.runId,
                name: run.name || run.runId,
                color: colors.get(run.runId) ?? colorAt(i),
                startTime: run.startTime,
                points,
              },
            ]
          : [];
      }),
    // dataKey stands for the queries' data and the sample's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runs, colors, dataKey, hidden],
  );
  return {
    queries,
    histories,
    pending,
    failed,
    /** Drawn from a sample while some history loads (false once every point is in). */
    sampled: pending && samples !== undefined && samples !== null && samples.size > 0,
    dataKey,
  };
}
