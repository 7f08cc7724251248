import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pendingRenderCount, subscribeToPendingRenders, useRenderPending, useRenderPlaceholder } from './render-pending.ts';

/** An element laid out at `top` (px from the viewport's top), 300 px tall. */
function placedAt(top: number): HTMLElement {
  const element = document.createElement('div');
  vi.spyOn(element, 'getBoundingClientRect').mockImplementation(() => DOMRect.fromRect({ x: 0, y: top, width: 400, height: 300 }));
  return element;
}

afterEach(() => vi.restoreAllMocks());

describe('render-pending', () => {
  it('counts a drawing while it is pending, and tells its listeners', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeToPendingRenders(listener);
    const { rerender, unmount } = renderHook(({ pending }) => useRenderPending(pending), { initialProps: { pending: true } });
    expect(pendingRenderCount()).toBe(1);
    rerender({ pending: false });
    expect(pendingRenderCount()).toBe(0);
    expect(listener).toHaveBeenCalledTimes(2);
    unmount();
    unsubscribe();
  });

  it('counts a placeholder only while it is on screen', () => {
    const ref = { current: placedAt(window.innerHeight + 500) };
    const { rerender, unmount } = renderHook(({ placeholder }) => useRenderPlaceholder(ref, placeholder), {
      initialProps: { placeholder: true },
    });
    expect(pendingRenderCount()).toBe(0);
    // Scrolled into view: now it is a blank box the user sees.
    ref.current = placedAt(100);
    expect(pendingRenderCount()).toBe(1);
    // Mounted (no longer a placeholder): its own drawing takes over.
    rerender({ placeholder: false });
    expect(pendingRenderCount()).toBe(0);
    unmount();
  });
});
