import type { RunColumn } from './run-columns.ts';

/** What a row needs to draw its part of the virtualized columns. */
export interface ColumnWindow {
  left: RunColumn[];
  /** The center columns in the horizontal window. */
  shown: RunColumn[];
  width: (column: RunColumn) => number;
  /** 1-based position of each column in the whole grid. */
  colIndex: ReadonlyMap<string, number>;
  gutter: { padStart: number; padEnd: number; leftWidth: number };
}

/** Left offsets of pinned columns, for position: sticky. */
export function stickyOffsets(left: readonly RunColumn[], width: (column: RunColumn) => number): number[] {
  let offset = 0;
  return left.map((column) => {
    const at = offset;
    offset += width(column);
    return at;
  });
}
