import { useMemo, useState } from 'react';
import { TextView } from './text-view.tsx';
import { JsonTree } from './json-tree.tsx';

export interface JsonViewProps {
  text: string;
  label: string;
}

/** JSON pretty-printed, or as a collapsible tree; invalid JSON as text with the parse error. */
export function JsonView({ text, label }: JsonViewProps) {
  const [mode, setMode] = useState<'text' | 'tree'>('text');
  const parsed = useMemo(() => {
    try {
      return { ok: true as const, value: JSON.parse(text) as unknown };
    } catch (err) {
      return { ok: false as const, error: err instanceof Error ? err.message : String(err) };
    }
  }, [text]);
  if (!parsed.ok) {
    return (
      <>
        <p className="artifact-notice" role="note">
          Not valid JSON ({parsed.error}); shown as text.
        </p>
        <TextView text={text} label={label} />
      </>
    );
  }
  return (
    <>
      <div className="artifact-toggle" role="group" aria-label="JSON view">
        <button type="button" aria-pressed={mode === 'text'} onClick={() => setMode('text')}>
          Formatted
        </button>
        <button type="button" aria-pressed={mode === 'tree'} onClick={() => setMode('tree')}>
          Tree
        </button>
      </div>
      {mode === 'text' ? <TextView text={JSON.stringify(parsed.value, null, 2)} label={label} /> : <JsonTree value={parsed.value} />}
    </>
  );
}
