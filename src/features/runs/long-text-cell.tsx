import { useState } from 'react';
import { truncateText } from '@/lib/truncate.ts';
import { FullTextDialog } from './full-text-dialog.tsx';

/** Cells show the start of long values (a 6,000-character param); the whole value opens in a dialog with Copy. */
const SHOWN = 120;

// The button is out of the tab order: the run table's cell holds the focus, and Enter on it clicks this.
export function LongTextCell({ text, label }: { text: string; label: string }) {
  const [open, setOpen] = useState(false);
  const shown = truncateText(text, SHOWN);
  if (!shown.truncated) return <span title={text}>{text}</span>;
  return (
    <span className="long-text">
      <span className="long-text__start">{shown.text}</span>
      <button
        type="button"
        tabIndex={-1}
        className="long-text__more"
        aria-label={`Show all of ${label} (${text.length.toLocaleString()} characters)`}
        onClick={() => setOpen(true)}
      >
        ⤢
      </button>
      {open ? <FullTextDialog title={label} text={text} onClose={() => setOpen(false)} /> : null}
    </span>
  );
}
