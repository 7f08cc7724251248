import { Loading } from '@/components/loading.tsx';
import { TABLE_CAPS, type TablePreview } from '@/lib/table-preview.ts';
import { useParsedTable } from '../use-parsed-table.ts';

export interface TableViewProps {
  text: string;
  delimiter: ',' | '\t';
  label: string;
}

/** CSV/TSV as a table: parsed off the main thread, the first rows and columns (lib/table-preview.ts). */
export function TableView({ text, delimiter, label }: TableViewProps) {
  const table = useParsedTable(text, delimiter);
  if (!table) return <Loading label="Parsing table…" />;
  return (
    <>
      <TableNotices table={table} />
      {/* A named, focusable region, so a keyboard can scroll a wide table (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="artifact-table-scroll" role="region" aria-label={label} tabIndex={0}>
        <table className="data-table artifact-table" aria-label={label}>
          <thead>
            <tr>
              {table.header.map((cell, i) => (
                <th key={i} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
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

function TableNotices({ table }: { table: TablePreview }) {
  const count = (n: number) => n.toLocaleString('en-US');
  const shownColumns = Math.min(table.totalColumns, TABLE_CAPS.maxColumns);
  const cut = [
    table.moreRows ? `the first ${count(table.rows.length)} rows` : undefined,
    table.totalColumns > shownColumns ? `${count(shownColumns)} of ${count(table.totalColumns)} columns` : undefined,
  ].filter((part) => part !== undefined);
  return (
    <>
      {cut.length > 0 ? (
        <p className="artifact-notice" role="note">
          Showing {cut.join(' and ')}; download the file for the rest.
        </p>
      ) : null}
      {table.errors.length > 0 ? (
        <p className="artifact-notice" role="note">
          Parse warnings: {table.errors.join('; ')}
        </p>
      ) : null}
    </>
  );
}
