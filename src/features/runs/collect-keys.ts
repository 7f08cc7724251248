import type { RunRow } from './use-run-rows.ts';

export interface RunKeys {
  params: string[];
  metrics: string[];
  /** User tags; mlflow.* system tags are bookkeeping and hidden by default. */
  tags: string[];
}

/** Every param, metric and tag key of every loaded run (children included), sorted. */
export function collectKeys(rows: readonly RunRow[]): RunKeys {
  const params = new Set<string>();
  const metrics = new Set<string>();
  const tags = new Set<string>();
  const visit = (row: RunRow) => {
    for (const key in row.run.params) params.add(key);
    for (const key in row.run.metrics) metrics.add(key);
    for (const key in row.run.tags) if (!key.startsWith('mlflow.')) tags.add(key);
    row.subRows.forEach(visit);
  };
  rows.forEach(visit);
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { params: sorted(params), metrics: sorted(metrics), tags: sorted(tags) };
}
