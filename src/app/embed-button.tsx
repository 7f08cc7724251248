// "Embed": an iframe snippet for the view on screen (its URL with embed=true), plus the one
// script tag that sizes the frame to its content (public/runlens-embed.js). Shown in a dialog
// so it can be read and selected where the clipboard is not available (plain http).
import { useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { withoutEmbedOptions } from '@/config/view-options.ts';

export function embedSnippet(origin: string, pathAndSearch: string): string {
  const url = new URL(withoutEmbedOptions(pathAndSearch), origin);
  url.searchParams.set('embed', 'true');
  const src = url.toString().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return [
    `<iframe data-runlens src="${src}" style="width: 100%; border: 0" title="Runlens"></iframe>`,
    `<script src="${new URL('/runlens-embed.js', origin).toString()}"></script>`,
  ].join('\n');
}

export function EmbedButton() {
  const location = useLocation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState(false);
  const titleId = useId();
  const snippet = embedSnippet(window.location.origin, `${location.pathname}${location.search}`);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      // No clipboard (plain http, a denied permission): the text is selected for the user instead.
      dialog.current?.querySelector('textarea')?.select();
    }
  };
  return (
    <>
      <button
        type="button"
        className="app-header__embed"
        onClick={() => {
          setCopied(false);
          dialog.current?.showModal();
        }}
      >
        Embed
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>Embed this view</h2>
        <p>
          Paste into a portal page. The portal&apos;s origin must be listed in <code>runlens serve --frame-ancestors</code>; the script sizes the frame to its content.
        </p>
        <textarea readOnly value={snippet} rows={4} aria-label="Embed snippet" onFocus={(e) => e.currentTarget.select()} />
        <div className="embed-dialog__actions">
          <button type="button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
