// Group-by: runs that share a param's or tag's value, each metric summarised (min/avg/max).
// Groups are flat: every run (children too, context rows never) lands in the group of its own
// value, because in a grid search the values that differ live on the children.
import { compareText } from '../../../contract/display/compare.ts';
import { summarize, type SummaryStats } from '@/lib/summary-stats.ts';
import { matchingRuns, type GroupRow, type RunRow } from './row-tree.ts';

export type GroupKey = { kind: 'params' | 'tags'; key: string };

export function parseGroupKey(columnId: string): GroupKey | undefined {
  const kind = columnId.startsWith('params.') ? 'params' : columnId.startsWith('tags.') ? 'tags' : undefined;
  const key = kind ? columnId.slice(kind.length + 1) : '';
  return kind && key ? { kind, key } : undefined;
}

export function groupRows(rows: readonly RunRow[], by: GroupKey, metricKeys: readonly string[]): GroupRow[] {
  const groups = new Map<string | undefined, RunRow[]>();
  for (const row of matchingRuns(rows)) {
    const value = row.run[by.kind][by.key];
    const members = groups.get(value);
    if (members) members.push(row);
    else groups.set(value, [row]);
  }
  const values = [...groups.keys()].sort((a, b) => (a === undefined ? 1 : b === undefined ? -1 : compareText(a, b)));
  return values.map((value) => {
    const members = groups.get(value) ?? [];
    const metrics = Object.create(null) as Record<string, SummaryStats>;
    for (const key of metricKeys) {
      const stats = summarize(members.flatMap((row) => row.run.metrics[key] ?? []));
      if (stats) metrics[key] = stats;
    }
    return {
      kind: 'group',
      value,
      label: value === undefined ? `no ${by.key}` : `${by.key} = ${value}`,
      metrics,
      subRows: members,
    };
  });
}
