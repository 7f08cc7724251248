// Checkbox selection as in a file manager: a click toggles one item and becomes the anchor;
// a shift-click sets every item between the anchor and the clicked one to the clicked one's
// new state.

export function selectRange(
  selected: ReadonlySet<string>,
  order: readonly string[],
  anchor: string | undefined,
  target: string,
  checked: boolean,
  shift: boolean,
): Set<string> {
  const next = new Set(selected);
  const from = anchor === undefined ? -1 : order.indexOf(anchor);
  const to = order.indexOf(target);
  const ids = shift && from >= 0 && to >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [target];
  for (const id of ids) {
    if (checked) next.add(id);
    else next.delete(id);
  }
  return next;
}
