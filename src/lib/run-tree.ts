// Parent/child nesting at any depth, from each item's parent id (MLflow: tag
// mlflow.parentRunId). Pure and generic so it is tested without React or MLflow types.

export interface TreeItem {
  id: string;
  parentId?: string | undefined;
}

export interface TreeNode<T extends TreeItem> {
  item: T;
  /** Shown only to place a matching descendant (an ancestor outside the filter). */
  isContext: boolean;
  children: TreeNode<T>[];
}

/**
 * Builds the forest. `items` are the runs that match; `context` are ancestors fetched to place
 * them. An item whose parent is unknown becomes a root; a parent cycle is broken at the item
 * where it is found, so every item appears exactly once.
 */
export function buildForest<T extends TreeItem>(items: readonly T[], context: readonly T[] = []): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of context) nodes.set(item.id, { item, isContext: true, children: [] });
  for (const item of items) nodes.set(item.id, { item, isContext: false, children: [] });

  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    if (parent && !createsCycle(node.item.id, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  // Context ancestors with no matching descendant are not shown.
  return roots.filter(hasMatch);
}

function createsCycle<T extends TreeItem>(childId: string, parent: TreeNode<T>, nodes: Map<string, TreeNode<T>>): boolean {
  const seen = new Set<string>();
  for (let current: TreeNode<T> | undefined = parent; current; current = current.item.parentId ? nodes.get(current.item.parentId) : undefined) {
    if (current.item.id === childId) return true;
    if (seen.has(current.item.id)) return false;
    seen.add(current.item.id);
  }
  return false;
}

function hasMatch<T extends TreeItem>(node: TreeNode<T>): boolean {
  if (!node.isContext) return true;
  node.children = node.children.filter(hasMatch);
  return node.children.length > 0;
}

/** Parent ids referenced by items but present in neither list: the ancestors still to fetch. */
export function missingParentIds<T extends TreeItem>(items: readonly T[], known: readonly T[] = []): string[] {
  const ids = new Set([...items, ...known].map((item) => item.id));
  const missing = new Set<string>();
  for (const item of [...items, ...known]) {
    if (item.parentId && !ids.has(item.parentId)) missing.add(item.parentId);
  }
  return [...missing];
}
