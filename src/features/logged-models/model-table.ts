// What the Models tab's table shows, as plain functions over the server's models: the filter and
// order sent to the server, which metric and param keys get a column, and each cell's value.
import { loggedModelNameFilter, type LoggedModel, type LoggedModelMetric, type LoggedModelOrder } from '@/api/logged-models.ts';
import { compareText } from '../../../contract/display/compare.ts';

// Anything with a comparison is MLflow's filter syntax, passed as is; plain words search names.
const LOOKS_LIKE_SYNTAX = /(=|<|>|\b(LIKE|ILIKE|IN)\b)/i;

export function toModelFilter(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return LOOKS_LIKE_SYNTAX.test(trimmed) ? trimmed : loggedModelNameFilter(trimmed);
}

export function toModelOrder(orderByKey: string, ascending: boolean): LoggedModelOrder {
  return { field: orderByKey, ascending };
}

/**
 * Each metric key's latest entry: the newest timestamp, then the highest step, the same rule the
 * server orders `metrics.<key>` by, so a sorted column reads in order. A key logged on several
 * datasets shows the latest of them (the tooltip names its dataset).
 */
export function latestMetrics(metrics: readonly LoggedModelMetric[]): ReadonlyMap<string, LoggedModelMetric> {
  const latest = new Map<string, LoggedModelMetric>();
  for (const metric of metrics) {
    const seen = latest.get(metric.key);
    const newer =
      !seen ||
      (metric.timestamp ?? -Infinity) > (seen.timestamp ?? -Infinity) ||
      ((metric.timestamp ?? -Infinity) === (seen.timestamp ?? -Infinity) && metric.step > seen.step);
    if (newer) latest.set(metric.key, metric);
  }
  return latest;
}

export interface KeyColumns {
  /** Keys with a column of their own. */
  shown: string[];
  /** The rest, summed up in one "…" column. */
  hidden: string[];
}

/**
 * Up to `limit` keys get a column: the ones most models share first (what compares models), then
 * by name. Models of one experiment can carry dozens of params each (an estimator's every
 * argument), and a column for each would bury the few that differ.
 */
export function keyColumns(keySets: readonly Iterable<string>[], limit: number, pinned?: string): KeyColumns {
  const counts = new Map<string, number>();
  for (const keys of keySets) for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const ordered = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || compareText(a, b));
  // The key the table is sorted by always shows, or the order would look random.
  if (pinned !== undefined && ordered.indexOf(pinned) >= limit) ordered.splice(limit - 1, 0, ...ordered.splice(ordered.indexOf(pinned), 1));
  return { shown: ordered.slice(0, limit), hidden: ordered.slice(limit) };
}

export interface ModelColumns {
  metrics: KeyColumns;
  params: KeyColumns;
}

export const MAX_METRIC_COLUMNS = 6;
export const MAX_PARAM_COLUMNS = 6;

export function modelColumns(models: readonly LoggedModel[], orderByKey: string): ModelColumns {
  const sortedMetric = orderByKey.startsWith('metrics.') ? orderByKey.slice('metrics.'.length) : undefined;
  return {
    metrics: keyColumns(
      models.map((m) => m.metrics.map((metric) => metric.key)),
      MAX_METRIC_COLUMNS,
      sortedMetric,
    ),
    params: keyColumns(
      models.map((m) => m.params.map((param) => param.key)),
      MAX_PARAM_COLUMNS,
    ),
  };
}

const STATUS_LABELS: Readonly<Record<string, string>> = {
  LOGGED_MODEL_READY: 'Ready',
  LOGGED_MODEL_PENDING: 'Pending',
  LOGGED_MODEL_UPLOAD_FAILED: 'Upload failed',
};

/** The status in words; an unknown one (a newer server's) as the server spells it. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? (status === 'UNKNOWN' || status === '' ? 'Unknown' : status);
}
