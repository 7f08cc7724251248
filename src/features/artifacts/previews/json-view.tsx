import { useMemo, useState } from 'react';
import { formatJson, MAX_JSON_DEPTH } from '@/lib/json-depth.ts';
import { TextView } from './text-view.tsx';
import { JsonTree } from './json-tree.tsx';

export interface JsonViewProps {
  text: string;
  label: string;
}

/**
 * JSON pretty-printed, or as a collapsible tree; invalid JSON as text with the parse error, and
 * JSON nested too deeply to re-format (see json-depth.ts) as written.
 */
export function JsonView({ text, label }: JsonViewProps) {
  const [mode, setMode] = useState<'text' | 'tree'>('text');
  const parsed = useMemo(() => {
    try {
      return { ok: true as const, value: JSON.parse(text) as unknown };
    } catch (err) {
      return { ok: false as const, error: err instanceof Error ? err.message : String(err) };
    }
  }, [text]);
  const formatted = useMemo(() => (parsed.ok && mode === 'text' ? formatJson(parsed.value, 2) : undefined), [parsed, mode]);
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
      {mode === 'tree' ? (
        <JsonTree value={parsed.value} onViewAsText={() => setMode('text')} />
      ) : formatted === undefined ? (
        <>
          <p className="artifact-notice" role="note">
            Nested deeper than {MAX_JSON_DEPTH} levels: shown as written, not re-formatted.
          </p>
          <TextView text={text} label={label} />
        </>
      ) : (
        <TextView text={formatted} label={label} />
      )}
    </>
  );
}
