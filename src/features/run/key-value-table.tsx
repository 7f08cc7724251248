import { useMemo, useState, type ReactNode } from 'react';
import { TruncatedText } from '@/components/truncated-text.tsx';

export interface KeyValueRow {
  key: string;
  cells: ReactNode[];
  /** Text searched besides the key. */
  searchText?: string;
}

export interface KeyValueTableProps {
  title: string;
  headers: string[];
  rows: KeyValueRow[];
  empty: string;
}

/** A searchable key → values table (params, metrics, tags). */
export function KeyValueTable({ title, headers, rows, empty }: KeyValueTableProps) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return needle ? rows.filter((row) => row.key.toLowerCase().includes(needle) || row.searchText?.toLowerCase().includes(needle)) : rows;
  }, [rows, query]);
  return (
    <section className="kv-section" aria-label={title}>
      <header className="kv-section__header">
        <h2>
          {title} <span className="muted">({rows.length.toLocaleString()})</span>
        </h2>
        {rows.length > 5 ? (
          <input
            type="search"
            aria-label={`Search ${title.toLowerCase()}`}
            placeholder="Search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        ) : null}
      </header>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="data-table kv-table">
          <thead>
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  <TruncatedText text={row.key} max={200} />
                </th>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
