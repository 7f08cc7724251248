import { useEffect, useRef, useState } from 'react';

export interface FullTextDialogProps {
  title: string;
  text: string;
  onClose: () => void;
}

/** A modal with a value's full text and a Copy button; Escape or Close dismisses it. */
export function FullTextDialog({ title, text, onClose }: FullTextDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <dialog ref={ref} className="full-text-dialog" aria-label={title} onClose={onClose}>
      <header className="full-text-dialog__header">
        <h2>{title}</h2>
        <span className="muted">{text.length.toLocaleString()} characters</span>
      </header>
      <pre className="full-text-dialog__text">{text}</pre>
      <footer className="full-text-dialog__actions">
        <span aria-live="polite">
          {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Copying failed: select the text instead.' : ''}
        </span>
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </footer>
    </dialog>
  );
}
