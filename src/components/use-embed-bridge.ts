// The frame's side of the embed protocol (docs/embed-protocol.md): tells the portal around it
// the page's height and when it is ready, passes on what the user clicked or selected, and hands
// the portal's own messages to the app. Silent unless framed and enabled; speaks only to, and
// listens only to, the origins given (the operator's --frame-ancestors).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { ERROR_COUNT_ATTRIBUTE, READY_STATE_ATTRIBUTE } from '../../contract/runlens-http.ts';
import {
  ancestorOriginOf,
  isAllowedSender,
  outbound,
  parseInbound,
  targetOrigins,
  type InboundMessage,
  type OutboundMessage,
} from '@/lib/embed/messages.ts';

export interface EmbedBridgeOptions {
  /** Off outside embeds (embed=true): a page opened on its own has nobody to talk to. */
  enabled: boolean;
  /** Exact origins or `https://*.domain` patterns; never '*'. */
  allowedOrigins: readonly string[];
  /** The frame's name in every message (its own URL's `frameId`), for portals with several frames. */
  frameId: string | undefined;
  /** Called only for well-formed messages from an allowed origin in the parent window. */
  onInbound: (message: InboundMessage) => void;
}

export interface EmbedBridge {
  postRunClick: (runId: string, experimentId: string) => void;
  postSelection: (runIds: readonly string[]) => void;
}

function isFramed(): boolean {
  return window.parent !== window;
}

function postToParent(options: EmbedBridgeOptions, message: OutboundMessage): void {
  if (!options.enabled || !isFramed()) return;
  // Asked on every post: the referrer and ancestorOrigins are fixed for the document's life, but
  // reading them is cheap and keeps one source of truth.
  const ancestor = ancestorOriginOf(location.ancestorOrigins, document.referrer);
  const data = outbound(message, options.frameId);
  for (const origin of targetOrigins(options.allowedOrigins, ancestor)) window.parent.postMessage(data, origin);
}

/**
 * The page's content height in whole px. Not documentElement.scrollHeight: for the root element
 * it is never less than the viewport, which in a frame is the frame itself, so an auto-sized
 * frame would grow and never shrink. The root's box (which holds the margins of body's first and
 * last children) and body's scrollable overflow together cover the content.
 */
function contentHeight(): number {
  const rootHeight = document.documentElement.getBoundingClientRect().height;
  const bodyHeight = document.body ? document.body.scrollHeight : 0;
  return Math.ceil(Math.max(rootHeight, bodyHeight));
}

export function useEmbedBridge(options: EmbedBridgeOptions): EmbedBridge {
  const optionsRef = useRef(options);
  // Before the effects below run in the same commit, so they and the callbacks see this render's options.
  useLayoutEffect(() => {
    optionsRef.current = options;
  });
  const { enabled, frameId } = options;
  const originsKey = options.allowedOrigins.join(' ');

  useEffect(() => {
    if (!enabled || !isFramed()) return;
    const post = (message: OutboundMessage) => postToParent(optionsRef.current, message);
    const root = document.documentElement;

    let lastHeight: number | undefined;
    const reportHeight = () => {
      const height = contentHeight();
      if (height === lastHeight) return;
      lastHeight = height;
      post({ type: 'height', height });
    };
    // Absent in jsdom-based tests of the whole app; every browser Runlens supports has it.
    const resizeObserver = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(reportHeight);
    resizeObserver?.observe(root);
    if (document.body) resizeObserver?.observe(document.body);
    reportHeight();

    // The ready signal (app/ready-signal.tsx) sets the state again on every settle; only a
    // change into "ready" is news to the portal.
    let wasReady = false;
    const reportReady = () => {
      const ready = root.getAttribute(READY_STATE_ATTRIBUTE) === 'ready';
      if (ready && !wasReady) post({ type: 'ready', errors: Number(root.getAttribute(ERROR_COUNT_ATTRIBUTE)) || 0, url: location.href });
      wasReady = ready;
    };
    const mutationObserver = new MutationObserver(reportReady);
    mutationObserver.observe(root, { attributes: true, attributeFilter: [READY_STATE_ATTRIBUTE] });
    reportReady();

    const onMessage = (event: MessageEvent) => {
      // The parent window itself, not another frame or popup that happens to share its origin.
      if (event.source !== window.parent) return;
      if (!isAllowedSender(event.origin, optionsRef.current.allowedOrigins)) return;
      const message = parseInbound(event.data);
      if (message) optionsRef.current.onInbound(message);
    };
    window.addEventListener('message', onMessage);

    return () => {
      resizeObserver?.disconnect();
      mutationObserver.disconnect();
      window.removeEventListener('message', onMessage);
    };
    // originsKey and frameId: new listeners or a new name hear the height and readiness again.
  }, [enabled, originsKey, frameId]);

  const postRunClick = useCallback(
    (runId: string, experimentId: string) => postToParent(optionsRef.current, { type: 'run-click', runId, experimentId }),
    [],
  );
  const postSelection = useCallback(
    (runIds: readonly string[]) => postToParent(optionsRef.current, { type: 'selection', runIds: [...runIds] }),
    [],
  );
  return useMemo(() => ({ postRunClick, postSelection }), [postRunClick, postSelection]);
}
