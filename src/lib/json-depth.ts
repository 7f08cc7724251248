// Deep JSON, measured without recursion. A 10 KB file nested 5,000 levels deep parses fine
// (JSON.parse does not recurse in V8) but overflows the stack of every recursive walk after it:
// JSON.stringify throws "Maximum call stack size exceeded" at a few thousand levels in V8 (with
// or without indentation), fewer in other engines, and so would a recursive tree renderer.

/** Deeper than this, JSON is shown as written: not re-formatted, not drawn further as a tree. */
export const MAX_JSON_DEPTH = 100;

/**
 * How deeply `value` nests: a scalar is 0, `[]` and `{}` are 1, `[[1]]` is 2. Counting stops
 * once `limit` is passed, so the answer is exact up to `limit + 1`.
 */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const pending: { node: object; depth: number }[] = [];
  if (isContainer(value)) pending.push({ node: value, depth: 1 });
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (item.depth > deepest) {
      deepest = item.depth;
      if (deepest > limit) return deepest;
    }
    const children: unknown[] = Array.isArray(item.node) ? item.node : Object.values(item.node);
    for (const child of children) if (isContainer(child)) pending.push({ node: child, depth: item.depth + 1 });
  }
  return deepest;
}

/** JSON.stringify, or undefined when `value` nests deeper than MAX_JSON_DEPTH (or cannot be written). */
export function formatJson(value: unknown, indent?: number): string | undefined {
  if (jsonDepth(value) > MAX_JSON_DEPTH) return undefined;
  try {
    return JSON.stringify(value, null, indent);
  } catch {
    // A string over the engine's length limit; nothing else can throw for parsed JSON.
    return undefined;
  }
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
