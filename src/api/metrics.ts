// Metric histories: every logged point, paged through metrics/get-history.
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { requestJson } from './client.ts';
import { exactInt64, list, pageToken, toDouble, toInt64 } from './wire.ts';
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

export interface MetricPoint {
  /** Plotted as a double: exact up to 2^53. */
  step: number;
  /** The step's digits, only when it is past 2^53 and `step` is rounded (steps are int64). */
  exactStep?: string;
  /** Wall time in ms. */
  timestamp: number;
  /** NaN and ±Infinity arrive as strings (or the ±1.797e308 clamp) and are normalised. */
  value: number;
}

// The envelope is checked by zod; the points, up to 25,000 a page, by one plain loop (a zod
// object per point costs several times the JSON parse) with the same normalisation as wire.ts.
const historyPage = z.object({ metrics: list(z.unknown()), next_page_token: pageToken });

function toPoint(raw: unknown): MetricPoint | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { value, step, timestamp } = raw as Record<string, unknown>;
  const point: MetricPoint = { value: toDouble(value), step: toInt64(step) ?? 0, timestamp: toInt64(timestamp) ?? 0 };
  const exact = exactInt64(step);
  if (exact !== undefined) point.exactStep = exact;
  return point;
}

export async function getMetricHistory(runId: string, metricKey: string, signal?: AbortSignal): Promise<MetricPoint[]> {
  const points: MetricPoint[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const response = await requestJson(
      {
        path: `${API}/metrics/get-history`,
        query: { run_id: runId, metric_key: metricKey, max_results: HISTORY_PAGE_SIZE, page_token: token },
        signal,
      },
      historyPage,
      { exactIntegerKeys: ['step'] },
    );
    for (const raw of response.metrics) {
      const point = toPoint(raw);
      if (point) points.push(point);
    }
    token = response.next_page_token || undefined;
    // Stop on an absent, repeated or non-advancing token (an empty page).
    if (!token || seen.has(token) || response.metrics.length === 0) break;
    seen.add(token);
  }
  // Steps in order; points logged at one step keep their time order. Servers usually send them
  // so already, and sorting a million points would be a long task for nothing: check first.
  return isOrdered(points) ? points : points.sort(byStepThenTime);
}

const byStepThenTime = (a: MetricPoint, b: MetricPoint) => a.step - b.step || a.timestamp - b.timestamp;

function isOrdered(points: readonly MetricPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (byStepThenTime(points[i - 1] as MetricPoint, points[i] as MetricPoint) > 0) return false;
  return true;
}

export const metricKeys = {
  all: ['metrics'] as const,
  history: (runId: string, metricKey: string) => ['metrics', 'history', { runId, metricKey }] as const,
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
  previous: readonly MetricPoint[] | undefined,
  signal?: AbortSignal,
): Promise<MetricPoint[]> {
  const last = previous?.at(-1);
  if (!previous || !last || last.exactStep !== undefined) return getMetricHistory(runId, metricKey, signal);
  let tail: MetricPoint[];
  try {
    const response = await requestJson(
      {
        path: `${API}/metrics/get-history-bulk-interval`,
        query: { run_ids: runId, metric_key: metricKey, start_step: last.step, end_step: LAST_STEP, max_results: TAIL_MAX_RESULTS },
        signal,
      },
      tailResponse,
    );
    tail = response.metrics.flatMap((raw) => toPoint(raw) ?? []);
  } catch (err) {
    if (signal?.aborted) throw err;
    return getMetricHistory(runId, metricKey, signal);
  }
  // Every point from the last step on includes that step's own: an empty answer is a server
  // that did not understand, and a full one may be sampled.
  if (tail.length === 0 || tail.length >= TAIL_MAX_RESULTS) return getMetricHistory(runId, metricKey, signal);
  let keep = previous.length;
  while (keep > 0 && (previous[keep - 1] as MetricPoint).step >= last.step) keep--;
  return [...previous.slice(0, keep), ...(isOrdered(tail) ? tail : tail.sort(byStepThenTime))];
}
