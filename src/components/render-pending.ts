// Charts and other slow drawings register here while they are drawing, so the page-level
// ready signal (app/ready-signal.tsx) waits for them and not only for data. Lazily mounted
// drawings (components/use-in-view.ts) also register their placeholder while not mounted: a
// placeholder counts as pending only while it is on screen, so the page is never reported ready
// with a blank box in view, yet off-screen charts stay unmounted.
import { useEffect, useId, type RefObject } from 'react';

const pending = new Set<string>();
const placeholders = new Map<string, RefObject<HTMLElement | null>>();
const listeners = new Set<() => void>();

function isOnScreen(element: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return false;
  return box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth;
}

/** Drawings still under way, plus placeholders of not yet mounted drawings that are on screen. */
export function pendingRenderCount(): number {
  let visiblePlaceholders = 0;
  for (const ref of placeholders.values()) if (ref.current && isOnScreen(ref.current)) visiblePlaceholders++;
  return pending.size + visiblePlaceholders;
}

/** Called on a change of what is drawing; also whenever placeholders may have moved (scroll, resize). */
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

/** Marks the element as a stand-in for a drawing not mounted yet, while `isPlaceholder` is true. */
export function useRenderPlaceholder(ref: RefObject<HTMLElement | null>, isPlaceholder: boolean): void {
  const key = useId();
  useEffect(() => {
    if (!isPlaceholder) return;
    placeholders.set(key, ref);
    notify();
    return () => {
      placeholders.delete(key);
      notify();
    };
  }, [key, ref, isPlaceholder]);
}
