import { useState, type DragEvent, type PointerEvent } from 'react';
import { stickyOffsets, type ColumnWindow } from './column-geometry.ts';
import { ColumnGroupCols, ColumnGroupRow } from './column-group-row.tsx';
import type { RunColumn } from './run-columns.ts';

export interface RunTableHeaderProps extends ColumnWindow {
  sort: { key: string; ascending: boolean };
  /** A header's sort button was clicked. */
  onSort: (column: RunColumn) => void;
  onResize: (columnId: string, px: number) => void;
  onMove: (columnId: string, beforeId: string) => void;
}

const DRAG_TYPE = 'application/x-runlens-column';

export function RunTableHeader({ sort, onSort, left, shown, width, colIndex, gutter, onResize, onMove }: RunTableHeaderProps) {
  // While a resize handle is dragged the width is local; the URL gets the final width.
  const [live, setLive] = useState<{ id: string; px: number } | undefined>();
  const widthOf = (column: RunColumn) => (live?.id === column.id ? live.px : width(column));
  const offsets = stickyOffsets(left, widthOf);

  const startResize = (column: RunColumn, event: PointerEvent<HTMLSpanElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = width(column);
    const next = (e: globalThis.PointerEvent) => Math.max(40, Math.round(startWidth + e.clientX - startX));
    const move = (e: globalThis.PointerEvent) => setLive({ id: column.id, px: next(e) });
    const end = (e: globalThis.PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      setLive(undefined);
      onResize(column.id, next(e));
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
  };

  const cell = (column: RunColumn, sticky?: number) => {
    const sorted = sort.key === column.id ? (sort.ascending ? 'asc' : 'desc') : false;
    const drop = (event: DragEvent) => {
      const dragged = event.dataTransfer.getData(DRAG_TYPE);
      if (dragged && dragged !== column.id) onMove(dragged, column.id);
    };
    return (
      <th
        key={column.id}
        scope="col"
        className={`col--${column.kind}${sticky !== undefined ? ' col--pinned' : ''}`}
        style={{ width: widthOf(column), left: sticky }}
        aria-colindex={colIndex.get(column.id)}
        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
        title={column.id}
        draggable
        onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, column.id)}
        onDragOver={(event) => event.preventDefault()}
        onDrop={drop}
      >
        <button type="button" className="sort-header" onClick={() => onSort(column)}>
          {column.header}
          <span aria-hidden="true" className="sort-header__arrow">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          </span>
        </button>
        <span className="col-resize" aria-hidden="true" onPointerDown={(event) => startResize(column, event)} />
      </th>
    );
  };

  const groups = { left, shown, width: widthOf, colIndex, gutter };
  return (
    <>
      <ColumnGroupCols {...groups} />
      <thead>
        <ColumnGroupRow {...groups} />
        <tr aria-rowindex={2} className="col-headers">
          {left.map((column, i) => cell(column, offsets[i]))}
          {gutter.padStart > 0 ? <th aria-hidden="true" className="col-gap" style={{ width: gutter.padStart }} /> : null}
          {shown.map((column) => cell(column))}
          {gutter.padEnd > 0 ? <th aria-hidden="true" className="col-gap" style={{ width: gutter.padEnd }} /> : null}
        </tr>
      </thead>
    </>
  );
}
