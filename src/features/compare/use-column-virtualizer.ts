// Compared runs are the columns, up to 500 of them: only those in (or near) the scroll box are
// drawn, so 500 runs × 40 keys stay a few hundred cells. Rows are all drawn (a compare rarely
// has more than a few hundred keys, and Ctrl+F should find any of them).
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/** Every run column has this width, so a column's place is known without measuring it. */
export const RUN_COLUMN_WIDTH = 200;
/** The sticky key column at the left; the run columns start after it. */
export const KEY_COLUMN_WIDTH = 240;
// A few columns beyond each side of the box keep a wheel or keyboard scroll from showing blanks.
const OVERSCAN_COLUMNS = 3;
// Without layout the box measures 0 wide (jsdom, a tab hidden at first render): it is drawn as
// if this wide, the key column and 7 run columns, 10 with the overscan, rather than none.
const FALLBACK_WIDTH = KEY_COLUMN_WIDTH + 7 * RUN_COLUMN_WIDTH;

/** The run columns to draw and the widths of the columns left out before and after them. */
export interface ColumnWindow {
  /** Indexes into the runs, in order. */
  shown: readonly number[];
  /** Width of the undrawn columns left of `shown` (0 when none). */
  padStart: number;
  padEnd: number;
  /** Width of the whole table, key column included. */
  totalWidth: number;
}

/** Every column: a screenshot or a print (render mode) shows the whole table. */
function allColumns(count: number): ColumnWindow {
  return {
    shown: Array.from({ length: count }, (_, i) => i),
    padStart: 0,
    padEnd: 0,
    totalWidth: KEY_COLUMN_WIDTH + count * RUN_COLUMN_WIDTH,
  };
}

export function useColumnVirtualizer(scrollRef: RefObject<HTMLElement | null>, count: number, virtualize = true): ColumnWindow {
  // TanStack Virtual is not React-Compiler safe; Runlens does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    horizontal: true,
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => RUN_COLUMN_WIDTH,
    overscan: OVERSCAN_COLUMNS,
    paddingStart: KEY_COLUMN_WIDTH,
    // Scrolling a column into view keeps it clear of the sticky key column.
    scrollPaddingStart: KEY_COLUMN_WIDTH,
    initialRect: { width: FALLBACK_WIDTH, height: 0 },
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) => report(rect.width > 0 ? rect : { ...rect, width: FALLBACK_WIDTH })),
  });
  if (!virtualize) return allColumns(count);
  const items = virtualizer.getVirtualItems();
  const totalWidth = virtualizer.getTotalSize();
  const first = items[0];
  const last = items.at(-1);
  return {
    shown: items.map((item) => item.index),
    padStart: first ? first.start - KEY_COLUMN_WIDTH : 0,
    padEnd: last ? totalWidth - last.end : 0,
    totalWidth,
  };
}
