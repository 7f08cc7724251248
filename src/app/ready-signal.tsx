// The documented "finished loading" signal for screenshot tools, embeds and tests:
//   <html data-runlens-state="loading|ready" data-runlens-errors="N">
// It becomes "ready" once no query is fetching, no navigation is pending and every registered
// drawing (components/render-pending.ts) has finished, and has stayed so, with the page's DOM
// unchanged, for SETTLE_MS and a frame. A lazily mounted chart's placeholder that scrolls into
// view counts as a drawing under way: the state is re-checked on every scroll and resize (scroll
// events run before the frame is painted, so a frame showing a placeholder never says "ready").
// Error states count as settled (a screenshot of an error is still a finished page);
// data-runlens-errors says how many queries ended in error plus how many panels show a render
// error (components/failed-panels.ts); a query error thrown to a panel's boundary counts once.
// While loading, data-runlens-waiting names what the page waits for (navigation, requests,
// drawing, fonts, settling), so a page that never becomes ready says why.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigation } from 'react-router';
import { failedPanelErrors, subscribeToFailedPanels } from '@/components/failed-panels.ts';
import { pendingRenderCount, subscribeToPendingRenders } from '@/components/render-pending.ts';
import { ERROR_COUNT_ATTRIBUTE, READY_STATE_ATTRIBUTE, WAITING_ATTRIBUTE } from '../../contract/runlens-http.ts';

/** Long enough for an effect that starts the next request (e.g. the next page) to run. */
const SETTLE_MS = 100;

type Frame = { raf: number } | { timeout: ReturnType<typeof setTimeout> } | { task: MessageChannel };

function nextFrame(callback: () => void): Frame {
  if (document.visibilityState === 'hidden') return { timeout: setTimeout(callback, 0) };
  return { raf: requestAnimationFrame(callback) };
}

/**
 * After every task already queued. React commits a render and runs its effects (where a newly
 * mounted query starts fetching) in tasks of its own; on a loaded machine the settle timer and
 * the frame can both come before them, with the page briefly idle between a folder's listing
 * and its open subfolder's. A message is not clamped like a nested setTimeout.
 */
function afterQueuedTasks(callback: () => void): Frame {
  const task = new MessageChannel();
  task.port1.onmessage = () => {
    task.port1.close();
    callback();
  };
  task.port2.postMessage(null);
  return { task };
}

function cancelFrame(frame: Frame): void {
  if ('raf' in frame) cancelAnimationFrame(frame.raf);
  else if ('task' in frame) frame.task.port1.close();
  else clearTimeout(frame.timeout);
}

export function ReadySignal() {
  const queryClient = useQueryClient();
  const navigating = useNavigation().state !== 'idle';

  useEffect(() => {
    const root = document.documentElement;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: Frame | undefined;
    // Fonts too: the bundled text font loads with font-display: swap, and a screenshot taken in
    // the fallback font has other glyph metrics (a report would differ from run to run).
    // (Absent outside browsers, e.g. jsdom.)
    const fonts = (document as Partial<Document>).fonts;
    const fontsLoading = () => fonts?.status === 'loading';
    const waitingFor = (): string[] => {
      const reasons: string[] = [];
      if (navigating) reasons.push('navigation');
      if (queryClient.isFetching() > 0 || queryClient.isMutating() > 0) reasons.push('requests');
      if (pendingRenderCount() > 0) reasons.push('drawing');
      if (fontsLoading()) reasons.push('fonts');
      return reasons;
    };
    const isBusy = () => waitingFor().length > 0;

    const settle = () => {
      timer = undefined;
      // One frame later, so what is reported ready has been painted. A hidden page (a portal's
      // background tab) paints no frames, and would never be ready: it has nothing to paint.
      frame = nextFrame(() => {
        // Then once more after the work queued before that frame (see afterQueuedTasks).
        frame = afterQueuedTasks(report);
      });
    };
    const report = () => {
      frame = undefined;
      // Busy again since the check: check again, which says what for.
      if (isBusy()) return check();
      const queryErrors = queryClient
        .getQueryCache()
        .findAll({ predicate: (q) => q.state.status === 'error' })
        .map((q) => q.state.error);
      const thrown = new Set<unknown>(queryErrors);
      const panelErrors = failedPanelErrors().filter((error) => !thrown.has(error));
      // Written only when they change: a page that changes after it is ready (a tooltip, a
      // countdown) settles again and would otherwise rewrite them every time.
      const errors = String(queryErrors.length + panelErrors.length);
      if (root.getAttribute(ERROR_COUNT_ATTRIBUTE) !== errors) root.setAttribute(ERROR_COUNT_ATTRIBUTE, errors);
      root.removeAttribute(WAITING_ATTRIBUTE);
      if (root.getAttribute(READY_STATE_ATTRIBUTE) !== 'ready') root.setAttribute(READY_STATE_ATTRIBUTE, 'ready');
    };
    const check = () => {
      const reasons = waitingFor();
      if (reasons.length > 0) {
        clearTimeout(timer);
        timer = undefined;
        root.setAttribute(WAITING_ATTRIBUTE, reasons.join(' '));
        root.setAttribute(READY_STATE_ATTRIBUTE, 'loading');
      } else if (timer === undefined) {
        if (root.getAttribute(READY_STATE_ATTRIBUTE) !== 'ready') root.setAttribute(WAITING_ATTRIBUTE, 'settling');
        timer = setTimeout(settle, SETTLE_MS);
      }
    };

    // A change to the page starts the quiet period again: a render that mounts a folder's
    // subfolder starts that listing's request only in an effect after its commit, and the page
    // must not be ready in between.
    const restart = () => {
      clearTimeout(timer);
      timer = undefined;
      if (frame !== undefined) cancelFrame(frame);
      frame = undefined;
      check();
    };
    const changes = new MutationObserver(restart);
    changes.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });

    const unsubscribers = [
      queryClient.getQueryCache().subscribe(check),
      queryClient.getMutationCache().subscribe(check),
      subscribeToPendingRenders(check),
      subscribeToFailedPanels(check),
    ];
    // Capture: scrolling inside any scroll box, not only the page, can bring a placeholder in.
    const listen = { capture: true, passive: true } as const;
    document.addEventListener('scroll', check, listen);
    window.addEventListener('resize', check, listen);
    document.addEventListener('visibilitychange', check);
    fonts?.addEventListener('loading', check);
    fonts?.addEventListener('loadingdone', check);
    fonts?.addEventListener('loadingerror', check);
    check();
    return () => {
      changes.disconnect();
      clearTimeout(timer);
      // A frame scheduled under the old state must not report on the new one.
      if (frame !== undefined) cancelFrame(frame);
      document.removeEventListener('scroll', check, listen);
      window.removeEventListener('resize', check, listen);
      document.removeEventListener('visibilitychange', check);
      fonts?.removeEventListener('loading', check);
      fonts?.removeEventListener('loadingdone', check);
      fonts?.removeEventListener('loadingerror', check);
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [queryClient, navigating]);

  return null;
}
