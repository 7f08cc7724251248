import { useMemo, useState } from 'react';
import { lineNumbers, textWindow, type TextWindow } from '@/lib/text-window.ts';

/** How much more of a long text each "Show more" adds (and how much is shown at first). */
const LINES_PER_STEP = 10_000;
const CHARS_PER_STEP = 500_000;

export interface TextViewProps {
  text: string;
  /** Accessible name of the code region, e.g. the file name. */
  label: string;
}

/**
 * Text with line numbers: two aligned <pre> blocks (no wrapping), so the text is one text node
 * rather than a DOM node per line. Long texts show a window from the start (see text-window.ts)
 * that grows on request, so neither the text nor its gutter grows with the file.
 * TODO: highlight code, JSON and YAML up to ~100 KB (MLflow's limit) with a lazily loaded highlighter.
 */
export function TextView({ text, label }: TextViewProps) {
  const [steps, setSteps] = useState(1);
  const shown = useMemo(() => textWindow(text, steps * LINES_PER_STEP, steps * CHARS_PER_STEP), [text, steps]);
  const numbers = useMemo(() => lineNumbers(shown.shownLines), [shown.shownLines]);
  return (
    <>
      {shown.truncated ? <WindowNotice shown={shown} onMore={() => setSteps((n) => n + 1)} /> : null}
      <div className="artifact-text" role="region" aria-label={label}>
        <pre className="artifact-text__numbers" aria-hidden="true">
          {numbers}
        </pre>
        <pre className="artifact-text__content">
          <code>{shown.text}</code>
        </pre>
      </div>
    </>
  );
}

function WindowNotice({ shown, onMore }: { shown: TextWindow; onMore: () => void }) {
  const count = (n: number) => n.toLocaleString('en-US');
  return (
    <p className="artifact-notice" role="note">
      {shown.totalLines > shown.shownLines
        ? `Showing the first ${count(shown.shownLines)} of ${count(shown.totalLines)} lines`
        : `Showing the first ${count(shown.text.length)} of ${count(shown.totalChars)} characters`}
      ; download the file for all of it.{' '}
      <button type="button" className="artifact-notice__more" onClick={onMore}>
        Show more
      </button>
    </p>
  );
}
