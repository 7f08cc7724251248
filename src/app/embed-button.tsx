// "Embed": an iframe snippet for the view on screen (its URL with embed=true), plus the one
// script tag that sizes the frame to its content (public/runlens-embed.js). Shown in a dialog
// so it can be read and selected where the clipboard is not available (plain http).
import { useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { withoutEmbedOptions } from '@/config/view-options.ts';
import { signCommandFor } from './embed-sign-command.ts';

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
  const titleId = useId();
  const snippet = embedSnippet(window.location.origin, `${location.pathname}${location.search}`);
  const command = signCommandFor(window.location.origin, `${location.pathname}${location.search}`);
  const [copiedWhat, setCopiedWhat] = useState<'snippet' | 'command' | undefined>();
  const copy = async (what: 'snippet' | 'command', field: HTMLTextAreaElement | null) => {
    try {
      await navigator.clipboard.writeText(what === 'snippet' ? snippet : command);
      setCopiedWhat(what);
    } catch {
      // No clipboard (plain http, a denied permission): the text is selected for the user instead.
      field?.select();
    }
  };
  const snippetField = useRef<HTMLTextAreaElement>(null);
  const commandField = useRef<HTMLTextAreaElement>(null);
  return (
    <>
      <button
        type="button"
        className="app-header__embed"
        onClick={() => {
          setCopiedWhat(undefined);
          dialog.current?.showModal();
        }}
      >
        Embed
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>Embed this view</h2>
        <p>
          Paste into a portal page. The portal&apos;s origin must be listed in <code>runlens serve --frame-ancestors</code>; the script
          sizes the frame to its content.
        </p>
        <textarea
          ref={snippetField}
          readOnly
          value={snippet}
          rows={4}
          aria-label="Embed snippet"
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="embed-dialog__actions">
          <button type="button" onClick={() => void copy('snippet', snippetField.current)}>
            {copiedWhat === 'snippet' ? 'Copied' : 'Copy'}
          </button>
        </div>
        <h3>Embed (scoped)</h3>
        <p>
          A link that can read only this view&apos;s experiments and runs, until it expires. Run this where Runlens&apos;s{' '}
          <code>--embed-secret</code> is set (as <code>RUNLENS_EMBED_SECRET</code>) and use the link it prints as the frame&apos;s{' '}
          <code>src</code>.
        </p>
        <textarea
          ref={commandField}
          readOnly
          value={command}
          rows={3}
          aria-label="Scoped link command"
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="embed-dialog__actions">
          <button type="button" onClick={() => void copy('command', commandField.current)}>
            {copiedWhat === 'command' ? 'Copied' : 'Copy command'}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
