// The combinations the sweep tried, best first: rank, the varying params, the metric, and a link
// to each child; the best marked for the eye and for assistive tech. The best 100 are drawn
// until the user asks for all (a sweep may hold 1,000 children).
import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import type { Sweep, SweepRow } from '@/lib/compare/sweep.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';

export interface SweepTableProps {
  experimentId: string;
  sweep: Sweep;
  metric: string;
  rows: readonly SweepRow[];
  all: boolean;
  onShowAll(): void;
}

const FIRST_ROWS = 100;

export function SweepTable({ experimentId, sweep, metric, rows, all, onShowAll }: SweepTableProps) {
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <div className="sweep__table">
      <table className="data-table" aria-label={`Child runs by ${metric}, best first`}>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            {sweep.varying.map((key) => (
              <th key={key} scope="col">
                {key}
              </th>
            ))}
            <th scope="col">{metric}</th>
            <th scope="col">Run</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const best = row.rank === 1;
            return (
              <tr key={row.runId} className={best ? 'sweep__best' : undefined}>
                <td>{row.rank ?? '—'}</td>
                {sweep.varying.map((key) => (
                  <td key={key}>{row.params[key] ?? <span className="muted">—</span>}</td>
                ))}
                <td title={best ? 'best' : undefined}>
                  {formatMetric(row.value)}
                  {best ? (
                    <>
                      {' '}
                      <span aria-hidden="true">★</span>
                      <span className="visually-hidden">, best</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <Link to={paths.run.getHref(experimentId, row.runId)}>{row.name || row.runId}</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length < rows.length ? (
        <p>
          Showing the best {shown.length} of {rows.length.toLocaleString('en-US')}.{' '}
          <button type="button" onClick={onShowAll}>
            Show all
          </button>
        </p>
      ) : null}
    </div>
  );
}
