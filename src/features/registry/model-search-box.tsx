import { useState } from 'react';

export interface ModelSearchBoxProps {
  /** The search in the URL; the box starts from it (the page remounts the box when it changes). */
  initial: string;
  onSearch: (text: string) => void;
}

/**
 * A name search sent on Enter, as MLflow's models page does: each search is a request to the
 * registry (ILIKE on the server), not a filter over rows already loaded.
 */
export function ModelSearchBox({ initial, onSearch }: ModelSearchBoxProps) {
  const [text, setText] = useState(initial);
  return (
    <form
      className="registry-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label>
        <span className="visually-hidden">Search models by name</span>
        <input
          type="search"
          placeholder="Search by name"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <button type="submit">Search</button>
    </form>
  );
}
