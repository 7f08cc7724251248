import { describe, expect, it } from 'vitest';
import type { Run } from '@/api/runs.ts';
import { collectKeys } from './collect-keys.ts';

const run = (metrics: Record<string, number>, params: Record<string, string> = {}, tags: Record<string, string> = {}) =>
  ({ metrics, params, tags }) as unknown as Run;

describe('collectKeys', () => {
  it('unites the keys of every list, in natural order, with mlflow.* tags apart', () => {
    const page1 = [run({ metric_10: 1, metric_2: 2 }, { lr: '0.1' }, { 'mlflow.user': 'a', team: 'x' })];
    const page2 = [run({ metric_2: 3, accuracy: 0.9 }, { Depth: '3' })];
    expect(collectKeys([page1, page2])).toEqual({
      params: ['Depth', 'lr'],
      metrics: ['accuracy', 'metric_2', 'metric_10'],
      tags: ['team'],
      systemTags: ['mlflow.user'],
    });
  });

  it('reads a list again only when it is a new list', () => {
    const page = [run({ a: 1 })];
    expect(collectKeys([page]).metrics).toEqual(['a']);
    // Pages are immutable once fetched; a later page is a new list and is read.
    expect(collectKeys([page, [run({ b: 1 })]]).metrics).toEqual(['a', 'b']);
  });
});
