// Turns the URL's table state and the loaded runs into what the table draws: columns in their
// arrangement, rows grouped and sorted, expansion and selection; and turns the table's events
// back into URL updates. The URL stays the only copy of the view state.
import { useMemo, useRef } from 'react';
import type { SearchStateUpdateOptions } from '@/components/use-search-state.ts';
import { addMove, formatMoves, layoutColumns, parseMoves } from '@/lib/column-layout.ts';
import { selectRange } from '@/lib/range-select.ts';
import type { RunKeys } from './collect-keys.ts';
import type { ColumnChoice, ColumnChooserActions } from './column-chooser.tsx';
import { groupRows, parseGroupKey } from './group-rows.ts';
import { buildRunColumns, NAME_COLUMN_ID, type RunColumn } from './run-columns.tsx';
import type { ColumnPlacement, RunTableHandlers } from './run-table.tsx';
import { sortRows } from './sort-rows.ts';
import type { RunRow, TableRow } from './table-row.ts';
import { parentIds } from './visible-rows.ts';
import { formatWidths, parseWidths, type RunTableSearch } from './url-state.ts';
import { joinList, splitList } from '@/lib/search-params.ts';

/** Parent ids the URL keeps when "expand all" is left by collapsing one (32 characters each). */
const MAX_EXPANDED_IN_URL = 300;

type Update = (patch: Partial<RunTableSearch>, options?: SearchStateUpdateOptions) => void;

function descendantIds(row: TableRow, into: string[] = []): string[] {
  for (const child of row.subRows) {
    into.push(child.run.runId);
    descendantIds(child, into);
  }
  return into;
}

export function useRunTableView(rows: RunRow[], keys: RunKeys, search: RunTableSearch, update: Update, experimentNames?: ReadonlyMap<string, string>) {
  // The last run whose checkbox was clicked: the anchor of a shift-click range (not URL state).
  const lastClicked = useRef<string | undefined>(undefined);
  // Durations of RUNNING runs are measured against the time the rows arrived.
  const now = useMemo(() => rowsArrivedAt(rows), [rows]);
  const columns = useMemo(
    () => buildRunColumns(keys, { now, systemTags: search.systemTags, groupBy: search.groupBy, experimentNames }),
    [keys, now, search.systemTags, search.groupBy, experimentNames],
  );
  const byId = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);

  const hidden = useMemo(() => new Set(splitList(search.hide)), [search.hide]);
  const pinned = useMemo(() => splitList(search.pin), [search.pin]);
  const moves = useMemo(() => parseMoves(splitList(search.order)), [search.order]);
  const widths = useMemo(() => parseWidths(search.widths), [search.widths]);

  const placement = useMemo<ColumnPlacement>(() => {
    const ids = columns.map((column) => column.id).filter((id) => id !== NAME_COLUMN_ID);
    const layout = layoutColumns(ids, { pinned, moves, hidden });
    const pick = (list: string[]) => list.flatMap((id) => byId.get(id) ?? []);
    return {
      // The run name is always the first column (columns[0]): it is each row's header.
      left: [...columns.slice(0, 1), ...pick(layout.left)],
      center: pick(layout.center),
      width: (column: RunColumn) => widths[column.id] ?? column.size,
    };
  }, [columns, byId, pinned, moves, hidden, widths]);

  const groupKey = parseGroupKey(search.groupBy);
  const groupValid = groupKey !== undefined && byId.has(search.groupBy);
  const tableRows = useMemo<TableRow[]>(() => {
    const sortColumn = byId.get(search.orderByKey) ?? byId.get('attributes.start_time');
    const grouped: TableRow[] = groupKey && groupValid ? groupRows(rows, groupKey, keys.metrics) : rows;
    return sortColumn ? sortRows(grouped, sortColumn.value, search.orderByAsc) : grouped;
    // groupKey is derived from search.groupBy.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, byId, search.orderByKey, search.orderByAsc, search.groupBy, groupValid, keys.metrics]);

  const expanded = useMemo(() => (search.expandAll ? (true as const) : Object.fromEntries(splitList(search.expanded).map((id) => [id, true]))), [search.expandAll, search.expanded]);
  const selectedRuns = useMemo(() => new Set(splitList(search.selected)), [search.selected]);
  // A group shows as selected when all of its runs are.
  const selected = useMemo(() => {
    if (!groupValid) return selectedRuns;
    const withGroups = new Set(selectedRuns);
    for (const row of tableRows) if (row.kind === 'group' && row.subRows.every((r) => selectedRuns.has(r.run.runId))) withGroups.add(row.id);
    return withGroups;
  }, [selectedRuns, tableRows, groupValid]);

  const handlers = useMemo<RunTableHandlers>(
    () => ({
      onSortChange: (orderByKey, orderByAsc) => update({ orderByKey, orderByAsc }),
      onToggleExpanded: (id) => {
        if (search.expandAll) {
          // Leaving "expand all" by collapsing one parent: the others stay open while the URL
          // can hold their ids (a reload past Node's 16 KB header limit would fail).
          const others = parentIds(tableRows).filter((parent) => parent !== id);
          update({ expandAll: false, expanded: others.length <= MAX_EXPANDED_IN_URL ? joinList(others) : '' }, { replace: true });
          return;
        }
        const next = new Set(splitList(search.expanded));
        if (!next.delete(id)) next.add(id);
        update({ expanded: joinList(next) }, { replace: true });
      },
      onSelect: (row, checked, shift, order) => {
        let next: Set<string>;
        if (row.kind === 'group' || (!shift && row.subRows.length > 0)) {
          // A group or a parent selects (or clears) itself and every run below it.
          next = new Set(selectedRuns);
          const ids = [...(row.kind === 'run' ? [row.run.runId] : []), ...descendantIds(row)];
          for (const id of ids) {
            if (checked) next.add(id);
            else next.delete(id);
          }
        } else {
          const runsOnly = order.filter((id) => !id.startsWith('group'));
          next = selectRange(selectedRuns, runsOnly, lastClicked.current, row.run.runId, checked, shift);
        }
        if (row.kind === 'run') lastClicked.current = row.run.runId;
        update({ selected: joinList(next) }, { replace: true });
      },
      onResize: (id, px) => update({ widths: formatWidths({ ...widths, [id]: px }) }),
      onMove: (id, before) => update({ order: joinList(formatMoves(addMove(moves, id, before))) }),
    }),
    [update, selectedRuns, widths, moves, search.expandAll, search.expanded, tableRows],
  );

  const choice: ColumnChoice = { hidden, pinned, order: placement.center.map((column) => column.id), systemTags: search.systemTags };
  const chooserActions: ColumnChooserActions = {
    setHidden: (ids, hide) => {
      const next = new Set(hidden);
      for (const id of ids) {
        if (hide) next.add(id);
        else next.delete(id);
      }
      update({ hide: joinList(next) });
    },
    setPinned: (id, pin) => update({ pin: joinList(pin ? [...pinned.filter((p) => p !== id), id] : pinned.filter((p) => p !== id)) }),
    move: handlers.onMove,
    setSystemTags: (systemTags) => update({ systemTags }),
    reset: () => update({ hide: '', pin: '', order: '', widths: '', systemTags: false }),
  };

  return { keys, columns, placement, tableRows, expanded, selected, selectedRuns, handlers, choice, chooserActions };
}

const arrival = new WeakMap<object, number>();
/** When this array of rows was first seen: a stable "now" for the elapsed time of RUNNING runs. */
function rowsArrivedAt(rows: object): number {
  let at = arrival.get(rows);
  if (at === undefined) {
    at = Date.now();
    arrival.set(rows, at);
  }
  return at;
}
