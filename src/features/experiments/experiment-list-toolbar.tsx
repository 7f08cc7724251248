import type { ExperimentListSearch } from './url-state.ts';

export interface ExperimentListToolbarProps {
  search: ExperimentListSearch;
  onFilterChange: (text: string) => void;
  onShowDeletedChange: (showDeleted: boolean) => void;
}

export function ExperimentListToolbar({ search, onFilterChange, onShowDeletedChange }: ExperimentListToolbarProps) {
  return (
    <div className="toolbar" role="search">
      <label className="toolbar__filter">
        <span className="visually-hidden">Filter experiments by name</span>
        <input
          type="search"
          placeholder="Filter by name"
          value={search.searchFilter}
          onChange={(event) => onFilterChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label className="toolbar__toggle">
        <input type="checkbox" checked={search.lifecycleFilter === 'all'} onChange={(event) => onShowDeletedChange(event.target.checked)} />
        Show deleted
      </label>
    </div>
  );
}
