import { useMemo } from 'react';

export interface TextViewProps {
  text: string;
  /** Accessible name of the code region, e.g. the file name. */
  label: string;
}

/**
 * Text with line numbers: two aligned <pre> blocks (no wrapping), so even a 10 MB log is two
 * text nodes rather than a DOM node per line. No syntax highlighting yet.
 * TODO: highlight code, JSON and YAML up to ~100 KB (MLflow's limit) with a lazily loaded highlighter.
 */
export function TextView({ text, label }: TextViewProps) {
  const numbers = useMemo(() => {
    const count = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
    return Array.from({ length: Math.max(1, count) }, (_, i) => i + 1).join('\n');
  }, [text]);
  return (
    <div className="artifact-text" role="region" aria-label={label}>
      <pre className="artifact-text__numbers" aria-hidden="true">
        {numbers}
      </pre>
      <pre className="artifact-text__content">
        <code>{text}</code>
      </pre>
    </div>
  );
}
