import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Run } from '@/api/runs.ts';
import { RunStatusBadge } from '@/widgets/run-status-badge.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { paths } from '@/config/paths.ts';
import { formatDuration } from '../../../contract/display/format-value.ts';
import { describeTimestamp, formatTimestamp } from '../../../contract/display/format-time.ts';
import { CompareRow, runColIndex } from './compare-row.tsx';
import type { ColumnWindow } from './use-column-virtualizer.ts';

export interface CompareTableHeaderProps {
  runs: readonly Run[];
  colors: ReadonlyMap<string, string>;
  columns: ColumnWindow;
}

/** A run without an end time is still going; no clock is read, so a render is the same every time. */
function duration(run: Run): string {
  if (run.startTime === undefined) return '—';
  if (run.endTime === undefined) return run.status === 'FINISHED' || run.status === 'FAILED' || run.status === 'KILLED' ? '—' : 'running';
  return formatDuration(run.endTime - run.startTime);
}

/**
 * Who the compared runs are: the names row is each column's header (and stays in view while the
 * rows scroll); status, start and duration follow as rows of their own, each with a row header.
 */
export function CompareTableHeader({ runs, colors, columns }: CompareTableHeaderProps) {
  const meta = (label: string, value: (run: Run) => { text: ReactNode; title?: string | undefined }) => (
    <CompareRow
      columns={columns}
      className="compare-table__meta"
      header={
        <th scope="row" className="compare-table__key" aria-colindex={1}>
          {label}
        </th>
      }
      cell={(index) => {
        const run = runs[index];
        if (!run) return null;
        const { text, title } = value(run);
        return (
          <td key={run.runId} aria-colindex={runColIndex(index)} title={title}>
            {text}
          </td>
        );
      }}
    />
  );
  return (
    <thead>
      <CompareRow
        columns={columns}
        className="compare-table__names"
        header={
          <th scope="col" className="compare-table__key" aria-colindex={1}>
            Run
          </th>
        }
        cell={(index) => {
          const run = runs[index];
          if (!run) return null;
          return (
            <th key={run.runId} scope="col" aria-colindex={runColIndex(index)}>
              <span className="compare-table__run">
                <span className="swatch" style={{ background: colors.get(run.runId) }} aria-hidden="true" />
                <Link to={paths.run.getHref(run.experimentId, run.runId)}>
                  <TruncatedText text={run.name || run.runId} max={120} />
                </Link>
              </span>
            </th>
          );
        }}
      />
      {meta('Status', (run) => ({ text: <RunStatusBadge status={run.status} /> }))}
      {meta('Started', (run) => ({ text: formatTimestamp(run.startTime), title: describeTimestamp(run.startTime) }))}
      {meta('Duration', (run) => ({ text: duration(run) }))}
    </thead>
  );
}
