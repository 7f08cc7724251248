// A collapsible JSON tree. Only open branches render their children, so a closed branch is one
// row however large it is, and branches below MAX_JSON_DEPTH are not drawn at all (the tree
// offers the text view instead): a 10 KB file nested 5,000 levels deep once blanked the app.
import { useState, type ReactNode } from 'react';
import { MAX_JSON_DEPTH } from '@/lib/json-depth.ts';

/** Entries shown per object or array before "… N more". */
const MAX_ENTRIES = 200;
/** Levels open at first (the document and its top-level entries). */
const OPEN_LEVELS = 2;

export interface JsonTreeProps {
  value: unknown;
  /** Offered where the tree stops drawing deeper levels. */
  onViewAsText: () => void;
}

export function JsonTree({ value, onViewAsText }: JsonTreeProps) {
  return (
    <div className="json-tree" role="group" aria-label="JSON tree">
      <JsonNode name={undefined} value={value} depth={0} onViewAsText={onViewAsText} />
    </div>
  );
}

interface JsonNodeProps {
  name: string | undefined;
  value: unknown;
  depth: number;
  onViewAsText: () => void;
}

function JsonNode({ name, value, depth, onViewAsText }: JsonNodeProps) {
  const label = name === undefined ? null : <span className="json-tree__key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-tree__leaf">
        {label}
        <span className={`json-tree__value json-tree__value--${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  if (depth >= MAX_JSON_DEPTH) {
    return (
      <div className="json-tree__leaf">
        {label}
        <span className="muted">nested deeper than {MAX_JSON_DEPTH} levels: </span>
        <button type="button" className="json-tree__as-text" onClick={onViewAsText}>
          View as text
        </button>
      </div>
    );
  }
  return <JsonBranch label={label} value={value} depth={depth} onViewAsText={onViewAsText} />;
}

interface JsonBranchProps {
  label: ReactNode;
  value: object;
  depth: number;
  onViewAsText: () => void;
}

function JsonBranch({ label, value, depth, onViewAsText }: JsonBranchProps) {
  const [open, setOpen] = useState(depth < OPEN_LEVELS);
  const isArray = Array.isArray(value);
  const size = isArray ? value.length : Object.keys(value).length;
  return (
    <div className="json-tree__branch">
      <button type="button" className="json-tree__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {label}
        <span className="muted">{isArray ? `[${size}]` : `{${size}}`}</span>
      </button>
      {open ? (
        <div className="json-tree__children">
          {firstEntries(value, MAX_ENTRIES).map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} onViewAsText={onViewAsText} />
          ))}
          {size > MAX_ENTRIES ? <div className="muted">… {(size - MAX_ENTRIES).toLocaleString('en-US')} more</div> : null}
        </div>
      ) : null}
    </div>
  );
}

function firstEntries(value: object, max: number): [string, unknown][] {
  if (Array.isArray(value)) return value.slice(0, max).map((item: unknown, i) => [String(i), item]);
  const entries: [string, unknown][] = [];
  for (const key in value) {
    if (entries.length === max) break;
    if (Object.hasOwn(value, key)) entries.push([key, (value as Record<string, unknown>)[key]]);
  }
  return entries;
}
