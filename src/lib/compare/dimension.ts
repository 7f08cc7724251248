// Dimensions name a param, a metric's latest value or a tag with MLflow's own prefixes, so the
// names in a compare URL read like a search filter (`params.C`, `metrics.mean_test_score`).
import type { AxisValue, DimensionId, RunValues } from './types.ts';

export type DimensionKind = 'params' | 'metrics' | 'tags';

export interface Dimension {
  kind: DimensionKind;
  key: string;
}

export function dimensionId(kind: DimensionKind, key: string): DimensionId {
  return `${kind}.${key}` as DimensionId;
}

/** The dimension a URL names, or undefined for anything else (a stale or hand-edited link). */
export function parseDimension(id: string): Dimension | undefined {
  const dot = id.indexOf('.');
  if (dot < 0) return undefined;
  const kind = id.slice(0, dot);
  const key = id.slice(dot + 1);
  if (key === '' || (kind !== 'params' && kind !== 'metrics' && kind !== 'tags')) return undefined;
  return { kind, key };
}

/** The run's value: metrics as numbers (possibly NaN), params and tags as the strings logged. */
export function dimensionValue(run: RunValues, dimension: Dimension): AxisValue {
  if (dimension.kind === 'metrics') return Object.hasOwn(run.metrics, dimension.key) ? run.metrics[dimension.key] : undefined;
  const record = dimension.kind === 'params' ? run.params : run.tags;
  return Object.hasOwn(record, dimension.key) ? record[dimension.key] : undefined;
}

/** The key alone for metrics and params (what users logged), the prefix kept for tags. */
export function dimensionLabel(dimension: Dimension): string {
  return dimension.kind === 'tags' ? `tag ${dimension.key}` : dimension.key;
}
