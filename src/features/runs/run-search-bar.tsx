import { useState, type FormEvent } from 'react';
import type { RunTableSearch } from './url-state.ts';

export interface RunSearchBarProps {
  search: RunTableSearch;
  /** The server's message when it rejects the filter. */
  filterError?: string | undefined;
  onSearch: (filter: string) => void;
  onLifecycleChange: (value: RunTableSearch['lifecycleFilter']) => void;
  onExpandAllChange: (expand: boolean) => void;
}

export function RunSearchBar({ search, filterError, onSearch, onLifecycleChange, onExpandAllChange }: RunSearchBarProps) {
  const [draft, setDraft] = useState(search.searchFilter);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };
  return (
    <div className="toolbar run-toolbar">
      <form role="search" onSubmit={submit} className="run-search">
        <label>
          <span className="visually-hidden">Search runs</span>
          <input
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder={'metrics.rmse < 1 AND params.alpha = "0.5"   or a run name'}
            aria-invalid={filterError ? true : undefined}
            aria-describedby={filterError ? 'run-filter-error' : undefined}
            spellCheck={false}
          />
        </label>
        <button type="submit">Search</button>
      </form>
      <label className="toolbar__toggle">
        <span>Runs:</span>
        <select
          value={search.lifecycleFilter}
          onChange={(event) => onLifecycleChange(event.target.value as RunTableSearch['lifecycleFilter'])}
        >
          <option value="active">Active</option>
          <option value="deleted">Deleted</option>
          <option value="all">All</option>
        </select>
      </label>
      <label className="toolbar__toggle">
        <input type="checkbox" checked={search.expandAll} onChange={(event) => onExpandAllChange(event.target.checked)} />
        Expand all
      </label>
      {filterError ? (
        <p id="run-filter-error" className="filter-error" role="alert">
          {filterError}
        </p>
      ) : null}
    </div>
  );
}
