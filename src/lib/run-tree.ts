// Parent/child nesting at any depth, from each item's parent id (MLflow: tag
// mlflow.parentRunId). Generic over the item and the node so the run table builds its own row
// type here directly (one tree from the builder to the drawn rows), and tested without React.

/** A node of the forest: whatever the caller draws, with its children below it. */
export interface ForestNode<N> {
  /** Shown only to place a matching descendant (an ancestor outside the filter). */
  isContext: boolean;
  subRows: N[];
}

export interface ForestShape<T, N extends ForestNode<N>> {
  id: (item: T) => string;
  parentId: (item: T) => string | undefined;
  /** A new node for an item, with no children yet. */
  node: (item: T, isContext: boolean) => N;
}

/**
 * Builds the forest. `items` are the runs that match; `context` are ancestors fetched to place
 * them. An item whose parent is unknown becomes a root; a parent cycle is broken at the item
 * where it is found, so every item appears exactly once.
 */
export function buildForest<T, N extends ForestNode<N>>(items: readonly T[], context: readonly T[], shape: ForestShape<T, N>): N[] {
  const entries = new Map<string, { item: T; node: N }>();
  for (const item of context) entries.set(shape.id(item), { item, node: shape.node(item, true) });
  for (const item of items) entries.set(shape.id(item), { item, node: shape.node(item, false) });

  const parentOf = (item: T) => {
    const parentId = shape.parentId(item);
    return parentId ? entries.get(parentId) : undefined;
  };
  const createsCycle = (childId: string, parent: { item: T }) => {
    const seen = new Set<string>();
    for (let current: { item: T } | undefined = parent; current; current = parentOf(current.item)) {
      const id = shape.id(current.item);
      if (id === childId) return true;
      if (seen.has(id)) return false;
      seen.add(id);
    }
    return false;
  };

  const roots: N[] = [];
  for (const [id, { item, node }] of entries) {
    const parent = parentOf(item);
    if (parent && !createsCycle(id, parent)) parent.node.subRows.push(node);
    else roots.push(node);
  }
  // Context ancestors with no matching descendant are not shown.
  return roots.filter(hasMatch);
}

function hasMatch<N extends ForestNode<N>>(node: N): boolean {
  if (!node.isContext) return true;
  node.subRows = node.subRows.filter(hasMatch);
  return node.subRows.length > 0;
}

/** Parent ids referenced by items but present in neither list: the ancestors still to fetch. */
export function missingParentIds<T>(
  items: readonly T[],
  known: readonly T[],
  shape: Pick<ForestShape<T, never>, 'id' | 'parentId'>,
): string[] {
  const all = [...items, ...known];
  const ids = new Set(all.map(shape.id));
  const missing = new Set<string>();
  for (const item of all) {
    const parentId = shape.parentId(item);
    if (parentId && !ids.has(parentId)) missing.add(parentId);
  }
  return [...missing];
}
