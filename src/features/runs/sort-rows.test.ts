import { describe, expect, it } from 'vitest';
import type { Run } from '@/api/runs.ts';
import { flattenRows, type RunRow } from './row-tree.ts';
import { sortRows } from './sort-rows.ts';

const row = (runId: string, loss: number | undefined, subRows: RunRow[] = []): RunRow => ({
  kind: 'run',
  run: { runId, metrics: loss === undefined ? {} : { loss } } as unknown as Run,
  isContext: false,
  subRows,
});
const loss = (r: { kind: string }) => {
  const value = (r as RunRow).run.metrics['loss'];
  return value === undefined || Number.isNaN(value) ? undefined : value;
};
const ids = (rows: { row: { kind: string } }[]) => rows.map(({ row: r }) => (r as RunRow).run.runId);

describe('sortRows', () => {
  const rows = [row('a', 2), row('nan', NaN), row('p', 1, [row('c1', 9), row('c2', 3)]), row('none', undefined), row('b', 10)];

  it('sorts each level, missing and NaN last, ascending', () => {
    expect(ids(flattenRows(sortRows(rows, loss, true)))).toEqual(['p', 'c2', 'c1', 'a', 'b', 'nan', 'none']);
  });

  it('keeps missing values last when descending', () => {
    expect(ids(flattenRows(sortRows(rows, loss, false)))).toEqual(['b', 'a', 'p', 'c1', 'c2', 'nan', 'none']);
  });
});
