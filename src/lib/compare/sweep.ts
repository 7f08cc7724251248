// A sweep is a parent run's children (GridSearchCV, Optuna, a hand-written loop): which params
// were swept, which were held constant, and the children ranked by one metric. Everything is
// linear in children × keys plus one sort, so 1,000 children stay instant.
import { compareIds, compareText } from '../../../contract/display/compare.ts';
import { guessDirection, isErrorWord, keyTokens, type BestDirection } from './best-direction.ts';
import type { RunValues } from './types.ts';

export interface Sweep {
  /** Params whose value differs between the children (a child missing the key counts as a distinct value), natural order. */
  varying: readonly string[];
  /** Params every child logged with the same value. */
  constant: Readonly<Record<string, string>>;
  /** Metric keys some child logged, natural order. */
  metrics: readonly string[];
}

export interface SweepRow {
  runId: string;
  name: string;
  /** Varying params only. */
  params: Readonly<Record<string, string | undefined>>;
  value: number | undefined;
  /** 1 = best; ties share a rank; undefined for missing/non-finite. */
  rank: number | undefined;
}

export function detectSweep(children: readonly RunValues[]): Sweep {
  const first = new Map<string, { value: string; count: number; same: boolean }>();
  const metrics = new Set<string>();
  for (const child of children) {
    for (const [key, value] of Object.entries(child.params)) {
      const seen = first.get(key);
      if (seen === undefined) first.set(key, { value, count: 1, same: true });
      else {
        seen.count += 1;
        if (seen.value !== value) seen.same = false;
      }
    }
    for (const key of Object.keys(child.metrics)) metrics.add(key);
  }
  const varying: string[] = [];
  const constant: [string, string][] = [];
  for (const [key, { value, count, same }] of first) {
    if (same && count === children.length) constant.push([key, value]);
    else varying.push(key);
  }
  return {
    varying: varying.sort(compareText),
    // fromEntries keeps a param named "__proto__" as an own property.
    constant: Object.fromEntries(constant.sort(([a], [b]) => compareText(a, b))),
    metrics: [...metrics].sort(compareText),
  };
}

const SCORE_WORDS = new Set(['score', 'accuracy', 'acc', 'f1', 'auc', 'r2']);

/** 0 for GridSearchCV's own score, 1 for a score, 2 for a loss, 3 for anything else. */
function metricTier(key: string): number {
  if (key === 'mean_test_score') return 0;
  const tokens = keyTokens(key);
  // std_test_score and rank_test_score hold "score" but judge spread and order, not quality.
  if (
    guessDirection(key) === 'max' &&
    tokens.some((token) => SCORE_WORDS.has(token) || token.endsWith('score') || token.endsWith('accuracy'))
  )
    return 1;
  if (tokens.some(isErrorWord)) return 2;
  return 3;
}

/**
 * The metric a sweep is judged by when the URL names none: GridSearchCV's mean_test_score, else
 * a key holding score/accuracy/acc/f1/auc/r2, else loss-like, else the first; undefined without
 * metrics. Keys a majority of children logged come first, so a score only a few children
 * reached does not hide the loss every child logged.
 */
export function defaultSweepMetric(sweep: Sweep, children: readonly RunValues[]): string | undefined {
  const counts = new Map(sweep.metrics.map((key) => [key, 0]));
  for (const child of children) {
    for (const key of Object.keys(child.metrics)) {
      const count = counts.get(key);
      if (count !== undefined) counts.set(key, count + 1);
    }
  }
  const count = (key: string) => counts.get(key) ?? 0;
  const majority = sweep.metrics.filter((key) => count(key) * 2 > children.length);
  const pool = majority.length > 0 ? majority : sweep.metrics;
  let chosen: { key: string; tier: number } | undefined;
  for (const key of pool) {
    const tier = metricTier(key);
    // The pool is in natural order, so the first of the best tier and count wins a tie.
    if (chosen === undefined || tier < chosen.tier || (tier === chosen.tier && count(key) > count(chosen.key))) chosen = { key, tier };
  }
  return chosen?.key;
}

function byName(a: SweepRow, b: SweepRow): number {
  return compareText(a.name, b.name) || compareIds(a.runId, b.runId);
}

/** Children best first per direction; missing and non-finite values last (in natural name order). */
export function sweepRows(children: readonly RunValues[], sweep: Sweep, metricKey: string, direction: BestDirection): SweepRow[] {
  const rows = children.map((child): SweepRow => {
    const params = Object.fromEntries(sweep.varying.map((key) => [key, Object.hasOwn(child.params, key) ? child.params[key] : undefined]));
    const value = Object.hasOwn(child.metrics, metricKey) ? child.metrics[metricKey] : undefined;
    return { runId: child.runId, name: child.name, params, value, rank: undefined };
  });
  const ranked = rows.filter((row) => row.value !== undefined && Number.isFinite(row.value));
  const unranked = rows.filter((row) => row.value === undefined || !Number.isFinite(row.value));
  const sign = direction === 'min' ? 1 : -1;
  ranked.sort((a, b) => sign * ((a.value as number) - (b.value as number)) || byName(a, b));
  // Competition ranking (1, 1, 3), like scikit-learn's rank_test_score.
  ranked.forEach((row, i) => {
    const previous = ranked[i - 1];
    row.rank = previous !== undefined && previous.value === row.value ? previous.rank : i + 1;
  });
  return [...ranked, ...unranked.sort(byName)];
}
