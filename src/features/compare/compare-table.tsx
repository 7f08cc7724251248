// Params and latest metrics of the compared runs side by side; values that differ between runs
// are marked, and "Only differences" hides the rows where every run agrees.
import type { Run } from '@/api/runs.ts';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { formatMetric } from '@/lib/format-value.ts';

export interface CompareTableProps {
  runs: readonly Run[];
  onlyDifferences: boolean;
}

interface Row {
  section: 'Parameters' | 'Metrics';
  key: string;
  values: (string | undefined)[];
}

function rowsOf(runs: readonly Run[]): Row[] {
  const keys = (pick: (run: Run) => object) => [...new Set(runs.flatMap((run) => Object.keys(pick(run))))].sort((a, b) => a.localeCompare(b));
  return [
    ...keys((run) => run.params).map((key): Row => ({ section: 'Parameters', key, values: runs.map((run) => run.params[key]) })),
    ...keys((run) => run.metrics).map(
      (key): Row => ({ section: 'Metrics', key, values: runs.map((run) => (key in run.metrics ? formatMetric(run.metrics[key]) : undefined)) }),
    ),
  ];
}

const differs = (row: Row) => new Set(row.values).size > 1;

export function CompareTable({ runs, onlyDifferences }: CompareTableProps) {
  const rows = rowsOf(runs).filter((row) => !onlyDifferences || differs(row));
  const sections = ['Parameters', 'Metrics'] as const;
  return (
    <div className="compare-table-scroll">
      <table className="data-table compare-table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            {runs.map((run) => (
              <th key={run.runId} scope="col">
                <TruncatedText text={run.name || run.runId} max={80} />
              </th>
            ))}
          </tr>
        </thead>
        {sections.map((section) => {
          const sectionRows = rows.filter((row) => row.section === section);
          return (
            <tbody key={section} aria-label={section}>
              <tr className="compare-table__section">
                <th scope="rowgroup" colSpan={runs.length + 1}>
                  {section} ({sectionRows.length})
                </th>
              </tr>
              {sectionRows.map((row) => (
                <tr key={row.key} className={differs(row) ? 'compare-table__differs' : undefined}>
                  <th scope="row">
                    <TruncatedText text={row.key} max={120} />
                  </th>
                  {row.values.map((value, i) => (
                    <td key={runs[i]?.runId ?? i}>{value === undefined ? <span className="muted">—</span> : <TruncatedText text={value} max={300} />}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
