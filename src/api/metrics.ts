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

export function metricHistoryQueryOptions(runId: string, metricKey: string) {
  return queryOptions({
    queryKey: metricKeys.history(runId, metricKey),
    queryFn: ({ signal }) => getMetricHistory(runId, metricKey, signal),
  });
}
