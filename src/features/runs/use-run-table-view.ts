// Turns the URL's table state and the loaded runs into what the table draws: columns in their
// arrangement, rows grouped and sorted, expansion and selection; and turns the table's events
// back into URL updates. The URL stays the only copy of the view state.
import { useMemo, useRef } from 'react';
import type { SearchStateUpdateOptions } from '@/components/use-search-state.ts';
import { addMove, formatMoves, parseMoves } from '@/lib/column-layout.ts';
import { joinList, splitList } from '@/lib/search-params.ts';
import type { RunKeys } from './collect-keys.ts';
import type { ColumnChoice, ColumnChooserActions } from './column-chooser.tsx';
import { buildRunColumns, NAME_COLUMN_ID, type RunColumn } from './run-columns.ts';
import type { ColumnPlacement, RunTableHandlers } from './run-table.tsx';
import type { RunRow, TableRow } from './row-tree.ts';
import { expansionOf, nextSelection, placeColumns, shapeRows, shownSelection, toggleExpansion } from './table-model.ts';
import { formatWidths, parseWidths, type RunTableSearch } from './url-state.ts';

type Update = (patch: Partial<RunTableSearch>, options?: SearchStateUpdateOptions) => void;

export function useRunTableView(
  rows: RunRow[],
  keys: RunKeys,
  search: RunTableSearch,
  update: Update,
  experimentNames?: ReadonlyMap<string, string>,
) {
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

  const placement = useMemo<ColumnPlacement>(
    () => ({
      ...placeColumns(columns, NAME_COLUMN_ID, { pinned, moves, hidden }),
      width: (column: RunColumn) => widths[column.id] ?? column.size,
    }),
    [columns, pinned, moves, hidden, widths],
  );

  const tableRows = useMemo<TableRow[]>(() => {
    const sortColumn = byId.get(search.orderByKey) ?? byId.get('attributes.start_time');
    const shape = { groupBy: search.groupBy, sortValue: sortColumn?.value, ascending: search.orderByAsc };
    return shapeRows(rows, shape, (id) => byId.has(id), keys.metrics);
  }, [rows, byId, search.orderByKey, search.orderByAsc, search.groupBy, keys.metrics]);

  const expanded = useMemo(() => expansionOf(search.expandAll, search.expanded), [search.expandAll, search.expanded]);
  const selectedRuns = useMemo(() => new Set(splitList(search.selected)), [search.selected]);
  const selected = useMemo(() => shownSelection(selectedRuns, tableRows), [selectedRuns, tableRows]);

  const handlers = useMemo<RunTableHandlers>(
    () => ({
      onSortChange: (orderByKey, orderByAsc) => update({ orderByKey, orderByAsc }),
      onToggleExpanded: (id) =>
        update(toggleExpansion({ expandAll: search.expandAll, expanded: search.expanded }, tableRows, id), { replace: true }),
      onSelect: (row, checked, shift, runOrder) => {
        const next = nextSelection(selectedRuns, { row, checked, shift, runOrder, anchor: lastClicked.current });
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
