import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Run } from '@/api/runs.ts';
import { flattenRows, rowId, subtreeRunIds, type RunRow, type TableRow } from './row-tree.ts';
import {
  expansionOf,
  MAX_EXPANDED_IN_URL,
  nextSelection,
  placeColumns,
  shapeRows,
  shownSelection,
  toggleExpansion,
} from './table-model.ts';

const row = (runId: string, score: number | undefined, subRows: RunRow[] = [], params: Record<string, string> = {}): RunRow => ({
  kind: 'run',
  run: { runId, metrics: score === undefined ? {} : { score }, params, tags: {} } as unknown as Run,
  isContext: false,
  subRows,
});
const score = (r: TableRow) => {
  const value = r.kind === 'run' ? r.run.metrics['score'] : undefined;
  return value === undefined || Number.isNaN(value) ? undefined : value;
};
const idOf = rowId;

/** A forest of runs with unique ids, up to three levels deep; some scores missing or NaN. */
const forest = (() => {
  let next = 0;
  const scoreArb = fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(Number.NaN), fc.constant(undefined));
  const level = (depth: number): fc.Arbitrary<RunRow[]> =>
    fc
      .array(fc.tuple(scoreArb, depth < 3 ? level(depth + 1) : fc.constant([] as RunRow[]), fc.constantFrom('a', 'b', 'c')), {
        maxLength: depth === 0 ? 8 : 3,
      })
      .map((items) => items.map(([s, children, lr]) => row(`r${next++}`, s, children, { lr })));
  return level(0);
})();

describe('shapeRows', () => {
  const sortByScore = (ascending: boolean) => ({ groupBy: '', sortValue: score, ascending });

  it('keeps every run, and every parent directly above its own children, in both directions', () => {
    fc.assert(
      fc.property(forest, fc.boolean(), (rows, ascending) => {
        const shaped = shapeRows(rows, sortByScore(ascending), () => true, ['score']);
        const before = flattenRows(rows)
          .map(({ row: r }) => idOf(r))
          .sort();
        expect(
          flattenRows(shaped)
            .map(({ row: r }) => idOf(r))
            .sort(),
        ).toEqual(before);
        // Each parent's children are exactly the ones it had (only their order changes).
        const childrenOf = (list: readonly TableRow[], into = new Map<string, string[]>()) => {
          for (const r of list) {
            into.set(idOf(r), r.subRows.map(idOf).sort());
            childrenOf(r.subRows, into);
          }
          return into;
        };
        expect(childrenOf(shaped)).toEqual(childrenOf(rows));
      }),
    );
  });

  it('orders each level by value, NaN and missing last whichever the direction', () => {
    fc.assert(
      fc.property(forest, fc.boolean(), (rows, ascending) => {
        const check = (level: readonly TableRow[]) => {
          const values = level.map(score);
          const firstMissing = values.findIndex((v) => v === undefined);
          if (firstMissing >= 0) expect(values.slice(firstMissing).every((v) => v === undefined)).toBe(true);
          const numbers = values.filter((v): v is number => v !== undefined);
          expect(numbers).toEqual([...numbers].sort((a, b) => (ascending ? a - b : b - a)));
          for (const r of level) check(r.subRows);
        };
        check(shapeRows(rows, sortByScore(ascending), () => true, ['score']));
      }),
    );
  });

  it('grouping loses no run and puts each in the group of its own value', () => {
    fc.assert(
      fc.property(forest, (rows) => {
        const groups = shapeRows(rows, { groupBy: 'params.lr', sortValue: undefined, ascending: true }, () => true, ['score']);
        expect(groups.every((g) => g.kind === 'group')).toBe(true);
        const grouped = groups.flatMap((g) => g.subRows.map((r) => [(g as { value?: string }).value, r.run] as const));
        expect(grouped.map(([, run]) => run.runId).sort()).toEqual(
          flattenRows(rows)
            .map(({ row: r }) => idOf(r))
            .sort(),
        );
        for (const [value, run] of grouped) expect(run.params['lr']).toBe(value);
      }),
    );
  });

  it('does not group by a key that is not a column', () => {
    const rows = [row('a', 1, [], { lr: 'x' })];
    expect(shapeRows(rows, { groupBy: 'params.lr', sortValue: undefined, ascending: true }, () => false, [])).toEqual(rows);
  });
});

describe('selection', () => {
  const tree = [row('p', 1, [row('c1', 2, [row('g1', 3)]), row('c2', 4)]), row('q', 5)];

  it('a parent’s checkbox selects exactly its subtree, and clears exactly it', () => {
    fc.assert(
      fc.property(forest, fc.uniqueArray(fc.string({ maxLength: 3 })), (rows, already) => {
        const flat = flattenRows(rows).map(({ row: r }) => r);
        const parent = flat.find((r) => r.subRows.length > 0);
        if (!parent) return;
        const subtree = new Set(subtreeRunIds(parent));
        const start = new Set(already);
        const on = nextSelection(start, { row: parent, checked: true, shift: false, runOrder: [], anchor: undefined });
        expect([...on].sort()).toEqual([...new Set([...start, ...subtree])].sort());
        const off = nextSelection(on, { row: parent, checked: false, shift: false, runOrder: [], anchor: undefined });
        expect([...off].sort()).toEqual([...on].filter((id) => !subtree.has(id)).sort());
      }),
    );
  });

  it('a shift-click selects the shown runs from the last clicked one', () => {
    const order = ['p', 'c1', 'g1', 'c2', 'q'];
    const next = nextSelection(new Set(['p']), { row: tree[1]!, checked: true, shift: true, runOrder: order, anchor: 'c1' });
    expect([...next].sort()).toEqual(['c1', 'c2', 'g1', 'p', 'q']);
  });

  it('shows a group checked when all of its runs are selected', () => {
    const groups = shapeRows(tree, { groupBy: 'params.lr', sortValue: undefined, ascending: true }, () => true, []);
    const group = groups[0]!;
    expect(shownSelection(new Set(subtreeRunIds(group)), groups).has(idOf(group))).toBe(true);
    expect(shownSelection(new Set(subtreeRunIds(group).slice(1)), groups).has(idOf(group))).toBe(false);
  });
});

describe('expansion', () => {
  const tree = [row('p', 1, [row('c1', 2, [row('g1', 3)])]), row('q', 5, [row('q1', 1)])];

  it('reads the URL: everything, or the listed parents', () => {
    expect(expansionOf(true, 'x')).toBe(true);
    expect(expansionOf(false, 'p,c1')).toEqual({ p: true, c1: true });
  });

  it('toggles one parent, and leaving "expand all" keeps every other parent open', () => {
    expect(toggleExpansion({ expandAll: false, expanded: 'p' }, tree, 'q')).toEqual({ expandAll: false, expanded: 'p,q' });
    expect(toggleExpansion({ expandAll: false, expanded: 'p,q' }, tree, 'p')).toEqual({ expandAll: false, expanded: 'q' });
    expect(toggleExpansion({ expandAll: true, expanded: '' }, tree, 'c1')).toEqual({ expandAll: false, expanded: 'p,q' });
  });

  it('drops the list when it would not fit the URL', () => {
    const many = Array.from({ length: MAX_EXPANDED_IN_URL + 2 }, (_, i) => row(`p${i}`, 1, [row(`c${i}`, 1)]));
    expect(toggleExpansion({ expandAll: true, expanded: '' }, many, 'p0')).toEqual({ expandAll: false, expanded: '' });
  });
});

describe('placeColumns', () => {
  const columns = ['name', 'status', 'a', 'b', 'c'].map((id) => ({ id }));

  it('keeps the name column first wherever it is listed, and never hides or moves it', () => {
    const shuffled = [columns[2]!, columns[0]!, ...columns.slice(3), columns[1]!];
    const placed = placeColumns(shuffled, 'name', {
      pinned: ['b', 'name'],
      moves: [{ id: 'name', before: '' }],
      hidden: new Set(['name', 'c']),
    });
    expect(placed.left.map((c) => c.id)).toEqual(['name', 'b']);
    expect(placed.center.map((c) => c.id)).toEqual(['a', 'status']);
  });
});
