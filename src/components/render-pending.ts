// Charts and other slow drawings register here while they are drawing, so the page-level
// ready signal (app/ready-signal.tsx) waits for them and not only for data.
import { useEffect, useId } from 'react';

const pending = new Set<string>();
const listeners = new Set<() => void>();

export function pendingRenderCount(): number {
  return pending.size;
}

export function subscribeToPendingRenders(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Marks this component as still drawing while `isPending` is true. */
export function useRenderPending(isPending: boolean): void {
  const key = useId();
  useEffect(() => {
    if (!isPending) return;
    pending.add(key);
    notify();
    return () => {
      pending.delete(key);
      notify();
    };
  }, [key, isPending]);
}
