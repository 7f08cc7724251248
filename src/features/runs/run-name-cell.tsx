import type { Row } from '@tanstack/react-table';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { countDescendantRows } from './count-descendants.ts';
import type { RunRow } from './use-run-rows.ts';

export function RunNameCell({ row }: { row: Row<RunRow> }) {
  const { run, isContext } = row.original;
  const children = row.subRows.length;
  return (
    <span className="run-name" style={{ paddingLeft: `${row.depth * 18}px` }}>
      {children > 0 ? (
        <button
          type="button"
          className="expander"
          aria-expanded={row.getIsExpanded()}
          aria-label={`${row.getIsExpanded() ? 'Collapse' : 'Expand'} ${run.name || run.runId}`}
          onClick={row.getToggleExpandedHandler()}
        >
          {row.getIsExpanded() ? '▾' : '▸'}
        </button>
      ) : (
        <span className="expander expander--leaf" aria-hidden="true" />
      )}
      <TruncatedText text={run.name || run.runId} max={200} className={isContext ? 'run-name__text muted' : 'run-name__text'} />
      {children > 0 ? (
        <span className="child-count" title={`${countDescendantRows(row.original)} runs below`}>
          {children} {children === 1 ? 'child' : 'children'}
        </span>
      ) : null}
      {isContext ? <span className="badge badge--context">context</span> : null}
      {run.lifecycleStage === 'deleted' ? <span className="badge badge--deleted">Deleted</span> : null}
    </span>
  );
}
