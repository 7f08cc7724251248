import { describe, expect, it } from 'vitest';
import type { Run } from '@/api/runs.ts';
import { countDescendantRows, matchingRuns, parentIds, rowId, visibleRows, type GroupRow, type RunRow } from './row-tree.ts';

const row = (runId: string, subRows: RunRow[] = []): RunRow => ({ kind: 'run', run: { runId } as Run, isContext: false, subRows });

// a ─ b ─ c
//   └ d
// e
const tree = [row('a', [row('b', [row('c')]), row('d')]), row('e')];
const drawn = (expansion: Parameters<typeof visibleRows>[1]) =>
  visibleRows(tree, expansion).map((r) => `${'  '.repeat(r.depth)}${r.id}${r.expanded ? '-' : ''}`);

describe('visibleRows', () => {
  it('draws only the roots when nothing is expanded', () => {
    expect(drawn({})).toEqual(['a', 'e']);
  });

  it('draws the children of expanded parents, at their depth', () => {
    expect(drawn({ a: true })).toEqual(['a-', '  b', '  d', 'e']);
    // A grandchild shows only when its parent is expanded too.
    expect(drawn({ b: true })).toEqual(['a', 'e']);
    expect(drawn({ a: true, b: true })).toEqual(['a-', '  b-', '    c', '  d', 'e']);
  });

  it('draws every row when everything is expanded; leaves are never "expanded"', () => {
    expect(drawn(true)).toEqual(['a-', '  b-', '    c', '  d', 'e']);
  });

  it('numbers each row among its siblings', () => {
    expect(visibleRows(tree, true).map((r) => `${r.id} ${r.position}/${r.siblings}`)).toEqual([
      'a 1/2',
      'b 1/2',
      'c 1/1',
      'd 2/2',
      'e 2/2',
    ]);
  });

  it('lists every parent at any depth', () => {
    expect(parentIds(tree)).toEqual(['a', 'b']);
  });
});

describe('walks', () => {
  it('counts every row below a parent, grandchildren too', () => {
    expect(countDescendantRows(tree[0]!)).toBe(3);
    expect(countDescendantRows(tree[1]!)).toBe(0);
  });

  it('lists the matching runs at any depth, without context rows or children', () => {
    const withContext: RunRow[] = [{ ...row('ctx', [row('m1'), row('m2', [row('m3')])]), isContext: true }];
    expect(matchingRuns(withContext).map((r) => `${r.run.runId}:${r.subRows.length}`)).toEqual(['m1:0', 'm2:0', 'm3:0']);
  });

  it('gives a group an id that fits a comma list and cannot be a run id', () => {
    const group = (value: string | undefined): GroupRow => ({ kind: 'group', value, label: '', metrics: {}, subRows: [] });
    expect(rowId(group('0.1,0.2'))).toBe('group:0.1%2C0.2');
    expect(rowId(group(undefined))).toBe('group-none');
    expect(rowId(tree[0]!)).toBe('a');
  });
});
