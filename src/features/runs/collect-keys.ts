import type { RunRow } from './table-row.ts';

export interface RunKeys {
  params: string[];
  metrics: string[];
  tags: string[];
  /** mlflow.* tags: bookkeeping, shown as columns only on request. */
  systemTags: string[];
}

const byName = (a: string, b: string) => a.localeCompare(b);

/** Every param, metric and tag key of every loaded run (children included), sorted. */
export function collectKeys(rows: readonly RunRow[]): RunKeys {
  const params = new Set<string>();
  const metrics = new Set<string>();
  const tags = new Set<string>();
  const visit = (row: RunRow) => {
    for (const key in row.run.params) params.add(key);
    for (const key in row.run.metrics) metrics.add(key);
    for (const key in row.run.tags) tags.add(key);
    row.subRows.forEach(visit);
  };
  rows.forEach(visit);
  const allTags = [...tags].sort(byName);
  return {
    params: [...params].sort(byName),
    metrics: [...metrics].sort(byName),
    tags: allTags.filter((key) => !key.startsWith('mlflow.')),
    systemTags: allTags.filter((key) => key.startsWith('mlflow.')),
  };
}
