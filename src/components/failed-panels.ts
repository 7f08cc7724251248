// Panels whose error boundary (panel-boundary.tsx) is showing a render error register here, so
// the page-level ready signal (app/ready-signal.tsx) counts them in data-runlens-errors: a
// failed panel is settled, but it is an error, like a failed query.
import { useEffect } from 'react';

const failed = new Set<{ error: unknown }>();
const listeners = new Set<() => void>();

/** The errors of the panels failed now (one entry per panel, even if two threw the same value). */
export function failedPanelErrors(): unknown[] {
  return [...failed].map((entry) => entry.error);
}

export function subscribeToFailedPanels(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Counts the calling panel as failed with `error` while it is mounted. */
export function useFailedPanel(error: unknown): void {
  useEffect(() => {
    const entry = { error };
    failed.add(entry);
    notify();
    return () => {
      failed.delete(entry);
      notify();
    };
  }, [error]);
}
