import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { paths } from '@/config/paths.ts';
import { countDescendantRows, type TableRow, type VisibleRow } from './row-tree.ts';

/** What a row's header cell does: the same two callbacks for every row, so rows stay memoized. */
export interface RowActions {
  /** Checkbox changes; `shift` extends a range from the last click. */
  onSelect: (row: TableRow, checked: boolean, shift: boolean) => void;
  onToggleExpanded: (rowId: string) => void;
}

export interface RunNameCellProps {
  row: VisibleRow;
  selected: boolean;
  actions: RowActions;
}

// The checkbox, expander and link are for the pointer: in the treegrid the cell holds the
// keyboard focus (tabindex -1 here), and Space, Right/Left and Enter on it do what they do.

function Expander({ row, label, onToggle }: { row: VisibleRow; label: string; onToggle: (rowId: string) => void }) {
  if (row.row.subRows.length === 0) return <span className="expander expander--leaf" aria-hidden="true" />;
  const { expanded } = row;
  return (
    <button
      type="button"
      tabIndex={-1}
      className="expander"
      aria-expanded={expanded}
      aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`}
      onClick={() => onToggle(row.id)}
    >
      {expanded ? '▾' : '▸'}
    </button>
  );
}

export function RunNameCell({ row, selected, actions: { onSelect, onToggleExpanded } }: RunNameCellProps) {
  const data = row.row;
  const label = data.kind === 'run' ? data.run.name || data.run.runId : data.label;
  const toggle = (event: MouseEvent<HTMLInputElement>) => onSelect(data, event.currentTarget.checked, event.shiftKey);
  return (
    <span className="run-name" style={{ paddingLeft: `${row.depth * 18}px` }}>
      <input
        type="checkbox"
        tabIndex={-1}
        className="run-select"
        checked={selected}
        onClick={toggle}
        onChange={() => undefined}
        aria-label={`Select ${label}`}
      />
      <Expander row={row} label={label} onToggle={onToggleExpanded} />
      {data.kind === 'group' ? (
        <>
          <TruncatedText text={label} max={200} className="run-name__group" />
          <span className="child-count">
            {data.subRows.length} {data.subRows.length === 1 ? 'run' : 'runs'}
          </span>
        </>
      ) : (
        <>
          <Link to={paths.run.getHref(data.run.experimentId, data.run.runId)} tabIndex={-1} className="run-name__link">
            <TruncatedText text={label} max={200} className={data.isContext ? 'run-name__text muted' : 'run-name__text'} />
          </Link>
          {data.subRows.length > 0 ? (
            <span className="child-count" title={`${countDescendantRows(data)} runs below`}>
              {data.subRows.length} {data.subRows.length === 1 ? 'child' : 'children'}
            </span>
          ) : null}
          {data.isContext ? <span className="badge badge--context">context</span> : null}
          {data.run.lifecycleStage === 'deleted' ? <span className="badge badge--deleted">Deleted</span> : null}
        </>
      )}
    </span>
  );
}
