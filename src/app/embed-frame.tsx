// Runlens inside a portal's iframe (embed=true): talks to the portal through the versioned
// postMessage protocol (docs/embed-protocol.md) — ready, height, run clicks, the selection out;
// theme in — and applies embedLinks to every link: in the frame (the router keeps the embed's
// options, app/router.tsx), a new tab or the portal's window as a normal page, or nowhere.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { runlensConfigQueryOptions } from '@/api/server-info.ts';
import { useEmbedBridge } from '@/components/use-embed-bridge.ts';
import { paths } from '@/config/paths.ts';
import { useViewOptions, withoutEmbedOptions } from '@/config/view-options.ts';
import type { InboundMessage } from '@/lib/embed/messages.ts';
import { splitList } from '@/lib/search-params.ts';

export function EmbedFrame() {
  const { embedLinks, frameId } = useViewOptions();
  const [params, setParams] = useSearchParams();
  const config = useQuery(runlensConfigQueryOptions());
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const onInbound = (message: InboundMessage) => {
    if (message.type === 'highlight-run') setHighlighted(message.runId);
    if (message.type === 'set-theme') {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('theme', message.theme);
          return next;
        },
        { replace: true },
      );
    }
  };
  const bridge = useEmbedBridge({ enabled: true, allowedOrigins: config.data?.frameAncestors ?? [], frameId, onInbound });

  // The run table's selection, told to the portal as it changes.
  const selected = params.get('selected') ?? '';
  const lastSelected = useRef(selected);
  useEffect(() => {
    if (selected === lastSelected.current) return;
    lastSelected.current = selected;
    bridge.postSelection(splitList(selected));
  }, [selected, bridge]);

  useEffect(() => {
    if (highlighted === null) return;
    // A constructed sheet: the CSP (style-src 'self') refuses inline <style> elements.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightRules(highlighted));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((other) => other !== sheet);
    };
  }, [highlighted]);

  useEffect(() => {
    // Capture, on the document: runs before the router's own link handler (on React's root).
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement) || anchor.origin !== window.location.origin || anchor.target) return;
      const run = paths.run.match(anchor.pathname);
      if (run) bridge.postRunClick(run.runId, run.experimentId);
      if (embedLinks === 'frame') return;
      event.preventDefault();
      event.stopPropagation();
      const href = withoutEmbedOptions(`${anchor.pathname}${anchor.search}${anchor.hash}`);
      if (embedLinks === 'new') window.open(href, '_blank', 'noopener');
      else if (embedLinks === 'top') window.open(href, '_top');
      // 'none': the portal shows the view only; its links go nowhere.
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [embedLinks, bridge]);

  return (
    <>
      {embedLinks === 'none' ? null : (
        <a
          className="embed-open"
          href={withoutEmbedOptions(`${window.location.pathname}${window.location.search}`)}
          target={embedLinks === 'top' ? '_top' : '_blank'}
          rel="noopener"
        >
          Open in Runlens ↗
        </a>
      )}
    </>
  );
}

/**
 * The portal's highlighted run, wherever a view draws it: every plot mark carries data-run-id
 * (lines, points, bars, table columns' links). One style rule instead of a prop through every
 * view; the id is CSS-escaped, so a portal's string cannot close the rule.
 */
export function highlightRules(runId: string): string {
  const id = `[data-run-id="${CSS.escape(runId)}"]`;
  return [
    `path${id} { stroke-width: 4px; stroke-opacity: 1; }`,
    `circle${id} { stroke: var(--fg); stroke-width: 3px; }`,
    `g${id} rect { stroke: var(--fg); stroke-width: 2px; }`,
  ].join('\n');
}
