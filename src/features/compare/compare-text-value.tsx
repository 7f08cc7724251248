import { truncateText } from '@/lib/truncate.ts';

// A cell shows at most this much of a value; the tooltip holds the rest (itself capped, as
// TruncatedText does). Unbounded values must not reach layout (src/lib/truncate.ts).
const MAX_CHARS = 600;
const MAX_LINES = 12;
const MAX_TOOLTIP = 5000;

/** The start of a text: at most MAX_LINES lines and MAX_CHARS characters, "…" when cut. */
function startOf(text: string): { text: string; cut: boolean } {
  const lines = text.split('\n');
  const byLines = lines.length > MAX_LINES ? lines.slice(0, MAX_LINES).join('\n') : text;
  const shown = truncateText(byLines, MAX_CHARS);
  const cut = shown.truncated || byLines !== text;
  return { text: cut && !shown.truncated ? `${shown.text}…` : shown.text, cut };
}

/**
 * A param or tag value as the model displays it: pretty-printed dicts keep their lines (a
 * preformatted block), long values wrap anywhere; a missing value is a muted dash.
 */
export function CompareTextValue({ value }: { value: string | undefined }) {
  if (value === undefined) return <span className="muted">—</span>;
  const shown = startOf(value);
  const title = shown.cut ? truncateText(value, MAX_TOOLTIP).text : undefined;
  return value.includes('\n') ? (
    <pre className="compare-table__block" title={title}>
      {shown.text}
    </pre>
  ) : (
    <span className="compare-table__text" title={title}>
      {shown.text}
    </span>
  );
}
