import { describe, expect, it } from 'vitest';
import { buildForest, missingParentIds, type TreeItem } from './run-tree.ts';

const item = (id: string, parentId?: string): TreeItem => ({ id, parentId });
const shape = (nodes: ReturnType<typeof buildForest>): unknown =>
  nodes.map((n) => (n.children.length ? { [n.item.id + (n.isContext ? '*' : '')]: shape(n.children) } : n.item.id + (n.isContext ? '*' : '')));

describe('buildForest', () => {
  it('nests at any depth', () => {
    const forest = buildForest([item('c', 'p'), item('p', 'g'), item('g'), item('x')]);
    expect(shape(forest)).toEqual([{ g: [{ p: ['c'] }] }, 'x']);
  });

  it('keeps ancestors of a matching child as context, and drops context without matches', () => {
    const forest = buildForest([item('c', 'p')], [item('p', 'g'), item('g'), item('unrelated')]);
    expect(shape(forest)).toEqual([{ 'g*': [{ 'p*': ['c'] }] }]);
  });

  it('puts children of a missing (e.g. deleted) parent at the root', () => {
    expect(shape(buildForest([item('c', 'gone')]))).toEqual(['c']);
  });

  it('breaks parent cycles instead of looping', () => {
    const forest = buildForest([item('a', 'b'), item('b', 'a'), item('c', 'a')]);
    const seen: string[] = [];
    const walk = (nodes: typeof forest) => nodes.forEach((n) => (seen.push(n.item.id), walk(n.children)));
    walk(forest);
    expect(seen.sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('missingParentIds', () => {
  it('lists parents referenced but not loaded', () => {
    expect(missingParentIds([item('c', 'p'), item('d', 'p'), item('e', 'c')])).toEqual(['p']);
    expect(missingParentIds([item('c', 'p')], [item('p', 'g')])).toEqual(['g']);
  });
});
