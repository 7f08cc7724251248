import { describe, expect, it } from 'vitest';
import { buildForest, missingParentIds } from './run-tree.ts';

interface Item {
  id: string;
  parentId?: string | undefined;
}
interface Node {
  id: string;
  isContext: boolean;
  subRows: Node[];
}
const item = (id: string, parentId?: string): Item => ({ id, parentId });
const shapeOf = {
  id: (i: Item) => i.id,
  parentId: (i: Item) => i.parentId,
  node: (i: Item, isContext: boolean): Node => ({ id: i.id, isContext, subRows: [] }),
};
const forest = (items: Item[], context: Item[] = []) => buildForest(items, context, shapeOf);
const shape = (nodes: Node[]): unknown =>
  nodes.map((n) => (n.subRows.length ? { [n.id + (n.isContext ? '*' : '')]: shape(n.subRows) } : n.id + (n.isContext ? '*' : '')));

describe('buildForest', () => {
  it('nests at any depth', () => {
    expect(shape(forest([item('c', 'p'), item('p', 'g'), item('g'), item('x')]))).toEqual([{ g: [{ p: ['c'] }] }, 'x']);
  });

  it('keeps ancestors of a matching child as context, and drops context without matches', () => {
    expect(shape(forest([item('c', 'p')], [item('p', 'g'), item('g'), item('unrelated')]))).toEqual([{ 'g*': [{ 'p*': ['c'] }] }]);
  });

  it('puts children of a missing (e.g. deleted) parent at the root', () => {
    expect(shape(forest([item('c', 'gone')]))).toEqual(['c']);
  });

  it('breaks parent cycles instead of looping', () => {
    const seen: string[] = [];
    const walk = (nodes: Node[]) => nodes.forEach((n) => (seen.push(n.id), walk(n.subRows)));
    walk(forest([item('a', 'b'), item('b', 'a'), item('c', 'a')]));
    expect(seen.sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('missingParentIds', () => {
  it('lists parents referenced but not loaded', () => {
    expect(missingParentIds([item('c', 'p'), item('d', 'p'), item('e', 'c')], [], shapeOf)).toEqual(['p']);
    expect(missingParentIds([item('c', 'p')], [item('p', 'g')], shapeOf)).toEqual(['g']);
  });
});
