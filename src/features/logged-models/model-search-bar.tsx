import { useState, type FormEvent } from 'react';

export interface ModelSearchBarProps {
  filter: string;
  /** The server's message when it rejects the filter. */
  filterError?: string | undefined;
  onSearch: (filter: string) => void;
}

/** Searched on submit: MLflow's filter syntax is only valid once typed in full. */
export function ModelSearchBar({ filter, filterError, onSearch }: ModelSearchBarProps) {
  const [draft, setDraft] = useState(filter);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <div className="toolbar">
      <form role="search" onSubmit={submit} className="run-search">
        <label>
          <span className="visually-hidden">Search models</span>
          <input
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="a model name, or metrics.accuracy > 0.9 AND name LIKE '%forest%'"
            aria-invalid={filterError ? true : undefined}
            aria-describedby={filterError ? 'model-filter-error' : undefined}
            spellCheck={false}
          />
        </label>
        <button type="submit">Search</button>
      </form>
      {filterError ? (
        <p id="model-filter-error" className="filter-error" role="alert">
          {filterError}
        </p>
      ) : null}
    </div>
  );
}
