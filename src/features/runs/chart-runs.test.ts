import { describe, expect, it } from 'vitest';
import type { Run } from '@/api/runs.ts';
import { chartRuns } from './chart-runs.ts';
import type { RunRow } from './row-tree.ts';

const row = (runId: string, subRows: RunRow[] = [], isContext = false): RunRow => ({
  kind: 'run',
  run: { runId } as unknown as Run,
  isContext,
  subRows,
});
const ids = (runs: readonly Run[]) => runs.map((run) => run.runId);

// The table as shown: a parent (collapsed) with two children, then 11 top-level runs.
const table = [row('p', [row('c1'), row('c2')]), ...Array.from({ length: 11 }, (_, i) => row(`r${i}`))];

describe('chartRuns', () => {
  it('draws the first N rows as the table shows them, collapsed children not among them', () => {
    const choice = chartRuns(table, {}, new Set(), '10');
    expect(ids(choice.runs)).toEqual(['p', 'r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8']);
    expect(choice).toMatchObject({ source: 'first', available: 12 });
  });

  it('follows expanded parents, and "all" is every shown run', () => {
    expect(ids(chartRuns(table, { p: true }, new Set(), '10').runs).slice(0, 4)).toEqual(['p', 'c1', 'c2', 'r0']);
    expect(chartRuns(table, true, new Set(), 'all').runs).toHaveLength(14);
  });

  it('leaves out context rows: a parent shown only because a child matched the filter', () => {
    const filtered = [row('p', [row('c1')], true)];
    expect(ids(chartRuns(filtered, true, new Set(), '10').runs)).toEqual(['c1']);
  });

  it('draws the selected runs instead, in table order, even under a collapsed parent', () => {
    const choice = chartRuns(table, {}, new Set(['r3', 'c2']), '10');
    expect(ids(choice.runs)).toEqual(['c2', 'r3']);
    expect(choice.source).toBe('selected');
  });
});
