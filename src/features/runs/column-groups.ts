// The run table's column groups: where a column's values come from (the run's attributes, its
// params, metrics or tags). Bare keys cannot say it: a param `score` and a metric `score` have the
// same header, so a group row above the column headers and the column chooser's sections name it.
import type { ColumnKind } from './run-columns.ts';

/** The group names, as the MLflow UI's run table has them. */
export const GROUP_LABEL: Record<ColumnKind, string> = {
  attribute: 'Attributes',
  param: 'Parameters',
  metric: 'Metrics',
  tag: 'Tags',
};

/** The order buildRunColumns gives the kinds, and the chooser lists them in. */
export const GROUP_ORDER: readonly ColumnKind[] = ['attribute', 'param', 'metric', 'tag'];

/**
 * Height in px of the group row. The column header row sticks this far from the top (the table
 * sets it as --run-table-group-row) and the virtualizers keep rows clear of both header rows.
 */
export const GROUP_ROW_HEIGHT = 26;

export interface ColumnGroupSpan<C> {
  kind: ColumnKind;
  /** Adjacent columns of this kind: one header cell spans them. */
  columns: C[];
}

/**
 * The group cells over a run of drawn columns, left to right: each maximal stretch of adjacent
 * columns of one kind is one cell. Columns can be moved anywhere, so a kind may come back
 * further on; it then gets another cell of its own.
 */
export function groupSpans<C extends { kind: ColumnKind }>(columns: readonly C[]): ColumnGroupSpan<C>[] {
  const spans: ColumnGroupSpan<C>[] = [];
  for (const column of columns) {
    const last = spans.at(-1);
    if (last?.kind === column.kind) last.columns.push(column);
    else spans.push({ kind: column.kind, columns: [column] });
  }
  return spans;
}

/**
 * Every column under its kind's group, groups in GROUP_ORDER, empty ones left out (the column
 * chooser). With a `limit`, only the first `limit` columns as the groups are read, top to bottom.
 */
export function groupsByKind<C extends { kind: ColumnKind }>(columns: readonly C[], limit = Infinity): ColumnGroupSpan<C>[] {
  let room = limit;
  const groups: ColumnGroupSpan<C>[] = [];
  for (const kind of GROUP_ORDER) {
    const ofKind = columns.filter((column) => column.kind === kind).slice(0, Math.max(room, 0));
    room -= ofKind.length;
    if (ofKind.length > 0) groups.push({ kind, columns: ofKind });
  }
  return groups;
}
