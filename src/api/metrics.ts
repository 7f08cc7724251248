// Metric histories: every logged point, paged through metrics/get-history.
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { requestJson, requestJsonBody } from './client.ts';
import { linkedController } from './linked-abort.ts';
import { exactInt64, list, pageToken, toDouble, toInt64 } from './wire.ts';
import { ColumnsBuilder, sortByStepThenTime, spliceColumns, type MetricColumns } from '@/lib/series/history-columns.ts';
import { PROXY_BASE } from '../../contract/runlens-http.ts';

const API = `${PROXY_BASE}/api/2.0/mlflow`;

/**
 * Always sent: servers before 3.4 ignore it and return everything, 3.4+ page at it, and some
 * 3.x builds return nothing without it (issues #16318, #23916). 25,000 is what the Python
 * client sends and Databricks' cap.
 */
export const HISTORY_PAGE_SIZE = 25_000;
/** A runaway token never loops forever: 400 pages × 25,000 = 10 million points. */
const MAX_HISTORY_PAGES = 400;

// The envelope is checked by zod; the points, up to 25,000 a page, by one plain loop (a zod
// object per point costs several times the JSON parse) with the same normalisation as wire.ts,
// straight into typed columns: no object per point outlives its page (history-columns.ts).
const historyPage = z.object({ metrics: list(z.unknown()), next_page_token: pageToken });

function pushPoint(into: ColumnsBuilder, raw: unknown): void {
  if (typeof raw !== 'object' || raw === null) return;
  const { value, step, timestamp } = raw as Record<string, unknown>;
  into.push(toInt64(step) ?? 0, toInt64(timestamp) ?? 0, toDouble(value), exactInt64(step));
}

/**
 * The next page's token, read from a page's text before the page is parsed, so that the next
 * request can be on its way while this one is parsed (the parse of 25,000 points is the
 * browser's longest step per page). Only a guess: the parsed token decides.
 */
export function tokenInText(text: string): string | undefined {
  const at = text.lastIndexOf('"next_page_token"');
  if (at < 0) return undefined;
  const match = /^"next_page_token"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text.slice(at, at + 8192));
  const literal = match?.[1];
  if (literal === undefined) return undefined;
  try {
    return (JSON.parse(literal) as string) || undefined;
  } catch {
    return undefined;
  }
}

/** Resolves in a later task: the browser may paint and handle input in between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

export async function getMetricHistory(runId: string, metricKey: string, signal?: AbortSignal): Promise<MetricColumns> {
  const points = new ColumnsBuilder();
  const seen = new Set<string>();
  // Each request can be cancelled alone: a page asked for ahead whose token the parse contradicts.
  const ask = (token: string | undefined) => {
    const scope = linkedController(signal);
    const body = requestJsonBody(
      {
        path: `${API}/metrics/get-history`,
        query: { run_id: runId, metric_key: metricKey, max_results: HISTORY_PAGE_SIZE, page_token: token },
        signal: scope.controller.signal,
      },
      historyPage,
      { exactIntegerKeys: ['step'] },
    );
    // A page asked for ahead and then not wanted is never awaited.
    body.catch(() => undefined);
    return { token, body, release: scope.dispose };
  };
  let current = ask(undefined);
  let ahead: ReturnType<typeof ask> | undefined;
  try {
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const body = await current.body;
      // One request ahead at most: the server works on the next page while this one is parsed.
      const guess = tokenInText(body.text);
      ahead = guess !== undefined && !seen.has(guess) && page + 1 < MAX_HISTORY_PAGES ? ask(guess) : undefined;
      // Each page is parsed in a task of its own: a page that arrived while the last one was
      // parsed (this run's, or another chart line's) would otherwise continue in the same task,
      // and two or three parses in a row make one long task.
      await nextTask();
      const response = body.parse();
      for (const raw of response.metrics) pushPoint(points, raw);
      const token = response.next_page_token || undefined;
      // Stop on an absent, repeated or non-advancing token (an empty page).
      if (!token || seen.has(token) || response.metrics.length === 0) break;
      seen.add(token);
      const next: ReturnType<typeof ask> = ahead?.token === token ? ahead : ask(token);
      if (next !== ahead) ahead?.release();
      ahead = undefined;
      current = next;
    }
  } finally {
    // Nothing is left running: not a page asked for ahead of a stop or a failure, not a listener on `signal`.
    ahead?.release();
    current.release();
  }
  // Steps in order; points logged at one step keep their time order.
  return sortByStepThenTime(points.build());
}

export const metricKeys = {
  all: ['metrics'] as const,
  history: (runId: string, metricKey: string) => ['metrics', 'history', { runId, metricKey }] as const,
  sample: (runIds: readonly string[], metricKey: string) => ['metrics', 'sample', { runIds, metricKey }] as const,
};

/**
 * A run's full history of one metric. `live` (the run is RUNNING): a refetch asks only for the
 * points since the last loaded step (refreshMetricHistory) instead of the whole history again.
 */
export function metricHistoryQueryOptions(runId: string, metricKey: string, live = false) {
  const queryKey = metricKeys.history(runId, metricKey);
  // `live` changes how the same data is fetched, not what it is: one cache entry either way.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey,
    queryFn: ({ signal, client }) =>
      live ? refreshMetricHistory(runId, metricKey, client.getQueryData(queryKey), signal) : getMetricHistory(runId, metricKey, signal),
  });
}

/** get-history-bulk-interval's cap on points per run (MLflow's MAX_RESULTS_PER_RUN). */
const TAIL_MAX_RESULTS = 2500;
/** The largest int64: "to the end" for end_step, which MLflow wants whenever start_step is sent. */
const LAST_STEP = '9223372036854775807';
const tailResponse = z.object({ metrics: list(z.unknown()) });

/**
 * A running run's history brought up to date: only the points from its last known step on
 * (get-history-bulk-interval with start_step; the server samples only past 2,500 points, so a
 * shorter answer is every point), spliced onto what was loaded. The whole history is fetched
 * again when there is nothing yet, when the server has no such endpoint (FastTrackML, MLflow
 * before 2.11, a gateway without it) or when more than 2,500 points arrived since the last look.
 * (A point logged later at an earlier step than the last one is missed until the next full load.)
 */
export async function refreshMetricHistory(
  runId: string,
  metricKey: string,
  previous: MetricColumns | undefined,
  signal?: AbortSignal,
): Promise<MetricColumns> {
  const count = previous?.steps.length ?? 0;
  if (!previous || count === 0 || previous.exactSteps.has(count - 1)) return getMetricHistory(runId, metricKey, signal);
  const lastStep = previous.steps[count - 1] as number;
  let tail: MetricColumns;
  try {
    const response = await requestJson(
      {
        path: `${API}/metrics/get-history-bulk-interval`,
        query: { run_ids: runId, metric_key: metricKey, start_step: lastStep, end_step: LAST_STEP, max_results: TAIL_MAX_RESULTS },
        signal,
      },
      tailResponse,
    );
    const points = new ColumnsBuilder(Math.max(1, response.metrics.length));
    for (const raw of response.metrics) pushPoint(points, raw);
    tail = points.build();
  } catch (err) {
    if (signal?.aborted) throw err;
    return getMetricHistory(runId, metricKey, signal);
  }
  // Every point from the last step on includes that step's own: an empty answer is a server
  // that did not understand, and a full one may be sampled.
  const tailLength = tail.steps.length;
  if (tailLength === 0 || tailLength >= TAIL_MAX_RESULTS) return getMetricHistory(runId, metricKey, signal);
  let keep = count;
  while (keep > 0 && (previous.steps[keep - 1] as number) >= lastStep) keep--;
  return spliceColumns(previous, keep, sortByStepThenTime(tail));
}

/** get-history-bulk-interval takes at most this many runs a request (MLflow's MAX_RUNS_GET_METRIC_HISTORY_BULK). */
const SAMPLE_RUNS_PER_REQUEST = 100;
const sampleResponse = z.object({ metrics: list(z.unknown()) });

/**
 * A quick, sampled look at long histories while every point loads: get-history-bulk-interval
 * without a step range answers up to 2,500 points per run spread over the whole history
 * (MLflow 3 samples in SQL, so a million-point run answers in about a second). Keyed by run
 * id. `null` when the server cannot (FastTrackML, MLflow before 2.11, an embed scope or a
 * gateway without the route): the chart then simply waits for every point. A sample is never
 * shown as the history: it is drawn marked "sampled" until getMetricHistory has it all.
 */
export async function getMetricSample(
  runIds: readonly string[],
  metricKey: string,
  signal?: AbortSignal,
): Promise<ReadonlyMap<string, MetricColumns> | null> {
  const byRun = new Map<string, ColumnsBuilder>();
  try {
    for (let i = 0; i < runIds.length; i += SAMPLE_RUNS_PER_REQUEST) {
      const response = await requestJson(
        {
          path: `${API}/metrics/get-history-bulk-interval`,
          query: { run_ids: runIds.slice(i, i + SAMPLE_RUNS_PER_REQUEST), metric_key: metricKey, max_results: TAIL_MAX_RESULTS },
          signal,
        },
        sampleResponse,
        { exactIntegerKeys: ['step'] },
      );
      for (const raw of response.metrics) {
        const runId = typeof raw === 'object' && raw !== null ? (raw as { run_id?: unknown }).run_id : undefined;
        if (typeof runId !== 'string') continue;
        let points = byRun.get(runId);
        if (!points) byRun.set(runId, (points = new ColumnsBuilder(TAIL_MAX_RESULTS)));
        pushPoint(points, raw);
      }
    }
  } catch (err) {
    // Any failure, not only a 404: a sample is a courtesy, and the full load reports real errors.
    if (signal?.aborted) throw err;
    return null;
  }
  return new Map([...byRun].map(([runId, points]) => [runId, sortByStepThenTime(points.build())]));
}

/**
 * Samples of several runs' histories of one metric, for a chart's first draw. Not retried: a
 * failure only means the chart waits for every point, which the history queries fetch anyway.
 */
export function metricSampleQueryOptions(runIds: readonly string[], metricKey: string) {
  return queryOptions({
    queryKey: metricKeys.sample(runIds, metricKey),
    queryFn: ({ signal }) => getMetricSample(runIds, metricKey, signal),
    retry: false,
    // Never an error (a failure is null), so nothing to recover by polling.
    refetchInterval: false,
  });
}
