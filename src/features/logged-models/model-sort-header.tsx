export interface ModelSortHeaderProps {
  label: string;
  /** What the server orders by: name, creation_timestamp, status or metrics.<key>. */
  sortKey: string;
  activeKey: string;
  ascending: boolean;
  onSort: (key: string) => void;
  className?: string;
}

export function ModelSortHeader({ label, sortKey, activeKey, ascending, onSort, className }: ModelSortHeaderProps) {
  const active = sortKey === activeKey;
  return (
    <th scope="col" className={className} aria-sort={active ? (ascending ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-header" onClick={() => onSort(sortKey)} title={label}>
        {label}
        <span aria-hidden="true" className="sort-header__arrow">
          {active ? (ascending ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}
