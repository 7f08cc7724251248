import { Loading } from '@/components/loading.tsx';
import { TABLE_ROW_CAP, useParsedTable } from '../use-parsed-table.ts';

export interface TableViewProps {
  text: string;
  delimiter: ',' | '\t';
  label: string;
}

/** CSV/TSV as a table: parsed off the main thread, the first TABLE_ROW_CAP rows. */
export function TableView({ text, delimiter, label }: TableViewProps) {
  const table = useParsedTable(text, delimiter);
  if (!table) return <Loading label="Parsing table…" />;
  const [header = [], ...rows] = table.rows;
  return (
    <>
      {table.truncated ? (
        <p className="artifact-notice" role="note">
          Showing the first {TABLE_ROW_CAP.toLocaleString('en-US')} rows; download the file for the rest.
        </p>
      ) : null}
      {table.errors.length > 0 ? (
        <p className="artifact-notice" role="note">
          Parse warnings: {table.errors.join('; ')}
        </p>
      ) : null}
      <div className="artifact-table-scroll">
        <table className="data-table artifact-table" aria-label={label}>
          <thead>
            <tr>
              {header.map((cell, i) => (
                <th key={i} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
