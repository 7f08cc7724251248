import { describe, expect, it } from 'vitest';
import type { Run } from '@/api/runs.ts';
import type { RunRow } from './table-row.ts';
import { parentIds, visibleRows } from './visible-rows.ts';

const row = (runId: string, subRows: RunRow[] = []): RunRow => ({ kind: 'run', run: { runId } as Run, isContext: false, subRows });

// a ─ b ─ c
//   └ d
// e
const tree = [row('a', [row('b', [row('c')]), row('d')]), row('e')];
const drawn = (expansion: Parameters<typeof visibleRows>[1]) => visibleRows(tree, expansion).map((r) => `${'  '.repeat(r.depth)}${r.id}${r.expanded ? '-' : ''}`);

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
    expect(visibleRows(tree, true).map((r) => `${r.id} ${r.position}/${r.siblings}`)).toEqual(['a 1/2', 'b 1/2', 'c 1/1', 'd 2/2', 'e 2/2']);
  });

  it('lists every parent at any depth', () => {
    expect(parentIds(tree)).toEqual(['a', 'b']);
  });
});
