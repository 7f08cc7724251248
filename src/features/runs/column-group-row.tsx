// The run table's group row (Attributes, Parameters, Metrics, Tags over the column headers) and
// the <colgroup>s it refers to. Both are drawn from the same spans of the drawn columns (pinned,
// then the horizontal window, with a gutter for the undrawn ones on either side), so a group
// cell covers exactly its columns however they are scrolled, resized or moved. The <col>s also
// carry the widths: with table-layout: fixed the first row sets them otherwise, and the first
// row is now this one, whose cells span several columns.
import { stickyOffsets, type ColumnWindow } from './column-geometry.ts';
import { GROUP_LABEL, groupSpans, type ColumnGroupSpan } from './column-groups.ts';
import type { RunColumn } from './run-columns.ts';

export type ColumnGroupsProps = Pick<ColumnWindow, 'left' | 'shown' | 'width' | 'colIndex' | 'gutter'>;

const spanKey = (span: ColumnGroupSpan<RunColumn>) => `${span.kind}:${span.columns[0]?.id ?? ''}`;

/** One <colgroup> per group cell and per gutter: what a th scope="colgroup" names. */
export function ColumnGroupCols({ left, shown, width, gutter }: ColumnGroupsProps) {
  const group = (span: ColumnGroupSpan<RunColumn>) => (
    <colgroup key={spanKey(span)}>
      {span.columns.map((column) => (
        <col key={column.id} style={{ width: width(column) }} />
      ))}
    </colgroup>
  );
  const gap = (key: string, px: number) =>
    px > 0 ? (
      <colgroup key={key}>
        <col style={{ width: px }} />
      </colgroup>
    ) : null;
  return (
    <>
      {groupSpans(left).map(group)}
      {gap('gap-start', gutter.padStart)}
      {groupSpans(shown).map(group)}
      {gap('gap-end', gutter.padEnd)}
    </>
  );
}

export function ColumnGroupRow({ left, shown, width, colIndex, gutter }: ColumnGroupsProps) {
  const offsets = stickyOffsets(left, width);
  const pinnedAt = new Map(left.map((column, i) => [column.id, offsets[i]]));
  const cell = (span: ColumnGroupSpan<RunColumn>, pinned: boolean) => {
    const first = span.columns[0];
    return (
      <th
        key={spanKey(span)}
        scope="colgroup"
        colSpan={span.columns.length}
        aria-colindex={first && colIndex.get(first.id)}
        className={`col-group col--${span.kind}${pinned ? ' col--pinned' : ''}`}
        style={{ left: pinned && first ? pinnedAt.get(first.id) : undefined }}
      >
        {/* Sticky beside the pinned columns, so a long group's name stays in view while it scrolls by. */}
        <span className="col-group__label" style={pinned ? undefined : { left: gutter.leftWidth }}>
          {GROUP_LABEL[span.kind]}
        </span>
      </th>
    );
  };
  return (
    <tr aria-rowindex={1} className="col-groups">
      {groupSpans(left).map((span) => cell(span, true))}
      {gutter.padStart > 0 ? <th aria-hidden="true" className="col-gap" /> : null}
      {groupSpans(shown).map((span) => cell(span, false))}
      {gutter.padEnd > 0 ? <th aria-hidden="true" className="col-gap" /> : null}
    </tr>
  );
}
