// The run table's rules as plain functions over its one tree (TableRow): where each column
// goes, how rows are grouped and sorted, what is expanded and selected, and what a click on an
// expander or a checkbox changes in the URL. use-run-table-view.ts only adapts them to React.
import { layoutColumns, type ColumnArrangement } from '@/lib/column-layout.ts';
import { selectRange } from '@/lib/range-select.ts';
import { joinList, splitList } from '@/lib/search-params.ts';
import { groupRows, parseGroupKey } from './group-rows.ts';
import { sortRows } from './sort-rows.ts';
import { parentIds, rowId, subtreeRunIds, type Expansion, type RunRow, type TableRow } from './row-tree.ts';

/** Parent ids the URL keeps when "expand all" is left by collapsing one (32 characters each). */
export const MAX_EXPANDED_IN_URL = 300;

/**
 * The columns left (pinned) and in the scrolling centre, in their arrangement. The name column
 * (`nameId`) is each row's header: always first, never hidden or moved.
 */
export function placeColumns<C extends { id: string }>(
  columns: readonly C[],
  nameId: string,
  arrangement: ColumnArrangement,
): { left: C[]; center: C[] } {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const name = byId.get(nameId);
  const layout = layoutColumns(
    columns.map((column) => column.id).filter((id) => id !== nameId),
    arrangement,
  );
  const pick = (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  return { left: [...(name ? [name] : []), ...pick(layout.left)], center: pick(layout.center) };
}

export interface RowShape {
  /** A column id: params./tags. groups the runs by that key; anything else does not group. */
  groupBy: string;
  /** How a row's sort value is read, or undefined to keep the given order. */
  sortValue: ((row: TableRow) => string | number | undefined) | undefined;
  ascending: boolean;
}

/** The rows drawn: grouped when asked (and the key is a known column), then sorted level by level. */
export function shapeRows(
  rows: readonly RunRow[],
  shape: RowShape,
  groupable: (columnId: string) => boolean,
  metricKeys: readonly string[],
): TableRow[] {
  const key = groupable(shape.groupBy) ? parseGroupKey(shape.groupBy) : undefined;
  const grouped: readonly TableRow[] = key ? groupRows(rows, key, metricKeys) : rows;
  return shape.sortValue ? sortRows(grouped, shape.sortValue, shape.ascending) : [...grouped];
}

export function expansionOf(expandAll: boolean, expanded: string): Expansion {
  return expandAll ? true : Object.fromEntries(splitList(expanded).map((id) => [id, true]));
}

/** What the URL says after the expander of row `id` is clicked. */
export function toggleExpansion(
  state: { expandAll: boolean; expanded: string },
  rows: readonly TableRow[],
  id: string,
): { expandAll: false; expanded: string } {
  if (state.expandAll) {
    // Leaving "expand all" by collapsing one parent: the others stay open while the URL can
    // hold their ids (a reload past Node's 16 KB header limit would fail).
    const others = parentIds(rows).filter((parent) => parent !== id);
    return { expandAll: false, expanded: others.length <= MAX_EXPANDED_IN_URL ? joinList(others) : '' };
  }
  const next = new Set(splitList(state.expanded));
  if (!next.delete(id)) next.add(id);
  return { expandAll: false, expanded: joinList(next) };
}

/** The selected runs, plus each group all of whose runs are selected (its checkbox shows checked). */
export function shownSelection(selectedRuns: ReadonlySet<string>, rows: readonly TableRow[]): Set<string> {
  const shown = new Set(selectedRuns);
  for (const row of rows) if (row.kind === 'group' && row.subRows.every((run) => selectedRuns.has(run.run.runId))) shown.add(rowId(row));
  return shown;
}

export interface SelectClick {
  row: TableRow;
  checked: boolean;
  shift: boolean;
  /** Every shown run's id, top to bottom: the span of a shift-click. */
  runOrder: readonly string[];
  /** The run whose checkbox was clicked last, if any. */
  anchor: string | undefined;
}

/**
 * The selection after a checkbox click. A group, or a parent clicked without shift, selects or
 * clears its whole subtree; otherwise a click toggles its run and a shift-click the range from
 * the anchor, as in a file manager.
 */
export function nextSelection(selected: ReadonlySet<string>, click: SelectClick): Set<string> {
  const { row, checked } = click;
  if (row.kind === 'group' || (!click.shift && row.subRows.length > 0)) {
    const next = new Set(selected);
    for (const id of subtreeRunIds(row)) {
      if (checked) next.add(id);
      else next.delete(id);
    }
    return next;
  }
  return selectRange(selected, click.runOrder, click.anchor, row.run.runId, checked, click.shift);
}
