// A collapsible JSON tree from <details>: keyboard-accessible natively, and only the
// first levels start open so a large document renders quickly.

/** Entries shown per object or array before "… N more". */
const MAX_ENTRIES = 200;

export interface JsonTreeProps {
  value: unknown;
}

export function JsonTree({ value }: JsonTreeProps) {
  return (
    <div className="json-tree" aria-label="JSON tree">
      <JsonNode name={undefined} value={value} depth={0} />
    </div>
  );
}

interface JsonNodeProps {
  name: string | undefined;
  value: unknown;
  depth: number;
}

function JsonNode({ name, value, depth }: JsonNodeProps) {
  const label = name === undefined ? null : <span className="json-tree__key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-tree__leaf">
        {label}
        <span className={`json-tree__value json-tree__value--${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
  const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  return (
    <details open={depth < 2} className="json-tree__branch">
      <summary>
        {label}
        <span className="muted">{summary}</span>
      </summary>
      <div className="json-tree__children">
        {entries.slice(0, MAX_ENTRIES).map(([key, child]) => (
          <JsonNode key={key} name={key} value={child} depth={depth + 1} />
        ))}
        {entries.length > MAX_ENTRIES ? <div className="muted">… {entries.length - MAX_ENTRIES} more</div> : null}
      </div>
    </details>
  );
}
