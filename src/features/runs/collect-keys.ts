import type { Run } from '@/api/runs.ts';
import { compareText } from '../../../contract/display/compare.ts';

export interface RunKeys {
  params: string[];
  metrics: string[];
  tags: string[];
  /** mlflow.* tags: bookkeeping, shown as columns only on request. */
  systemTags: string[];
}

interface KeySets {
  params: Set<string>;
  metrics: Set<string>;
  tags: Set<string>;
}

// One entry per list of runs. runs/search pages keep their identity while later pages arrive,
// so each page's runs are walked once: 1,500 runs × 1,500 metrics walked again on every page
// were the longest task of a wide experiment's load.
const perList = new WeakMap<readonly Run[], KeySets>();

function keysOf(runs: readonly Run[]): KeySets {
  let sets = perList.get(runs);
  if (!sets) {
    sets = { params: new Set(), metrics: new Set(), tags: new Set() };
    for (const run of runs) {
      for (const key in run.params) sets.params.add(key);
      for (const key in run.metrics) sets.metrics.add(key);
      for (const key in run.tags) sets.tags.add(key);
    }
    perList.set(runs, sets);
  }
  return sets;
}

/** Every param, metric and tag key of the runs in `lists` (pages of runs/search, fetched ancestors), sorted. */
export function collectKeys(lists: readonly (readonly Run[])[]): RunKeys {
  const params = new Set<string>();
  const metrics = new Set<string>();
  const tags = new Set<string>();
  for (const list of lists) {
    const sets = keysOf(list);
    for (const key of sets.params) params.add(key);
    for (const key of sets.metrics) metrics.add(key);
    for (const key of sets.tags) tags.add(key);
  }
  // Natural order, as every list in Runlens: metric_2 before metric_10.
  const allTags = [...tags].sort(compareText);
  return {
    params: [...params].sort(compareText),
    metrics: [...metrics].sort(compareText),
    tags: allTags.filter((key) => !key.startsWith('mlflow.')),
    systemTags: allTags.filter((key) => key.startsWith('mlflow.')),
  };
}
