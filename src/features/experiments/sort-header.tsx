import type { ExperimentSortKey } from './url-state.ts';

export interface SortHeaderProps {
  label: string;
  sortKey: ExperimentSortKey;
  activeKey: ExperimentSortKey;
  ascending: boolean;
  onSort: (key: ExperimentSortKey) => void;
}

export function SortHeader({ label, sortKey, activeKey, ascending, onSort }: SortHeaderProps) {
  const active = sortKey === activeKey;
  const ariaSort = active ? (ascending ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-header" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true" className="sort-header__arrow">
          {active ? (ascending ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}
