import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { ReadySignal } from './ready-signal.tsx';

function Broken(): never {
  throw new Error('Maximum call stack size exceeded');
}

afterEach(() => {
  vi.restoreAllMocks();
  delete document.documentElement.dataset.runlensState;
  delete document.documentElement.dataset.runlensErrors;
  delete document.documentElement.dataset.runlensWaiting;
});

describe('ReadySignal', () => {
  it('becomes ready with a failed panel and counts it as an error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const router = createMemoryRouter([
      {
        path: '/',
        element: (
          <>
            <PanelBoundary label="This preview failed">
              <Broken />
            </PanelBoundary>
            <ReadySignal />
          </>
        ),
      },
    ]);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(document.documentElement.dataset.runlensState).toBe('ready'));
    expect(document.documentElement.dataset.runlensErrors).toBe('1');
  });

  it('says what it waits for while loading, and nothing once ready', async () => {
    let answer: (value: string) => void = () => undefined;
    function Asking() {
      useQuery({ queryKey: ['slow'], queryFn: () => new Promise<string>((resolve) => (answer = resolve)) });
      return null;
    }
    const router = createMemoryRouter([
      {
        path: '/',
        element: (
          <>
            <Asking />
            <ReadySignal />
          </>
        ),
      },
    ]);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const root = document.documentElement;
    await waitFor(() => expect(root.dataset.runlensWaiting).toBe('requests'));
    expect(root.dataset.runlensState).toBe('loading');
    answer('done');
    await waitFor(() => expect(root.dataset.runlensState).toBe('ready'));
    expect(root.dataset.runlensWaiting).toBeUndefined();
  });

  it('is not ready while the page keeps changing, only once it has been still', async () => {
    // A render that mounts a subfolder starts its listing's request only after its commit: a
    // change to the page is work under way, even with no request in flight at that moment.
    function Changing() {
      useEffect(() => {
        let left = 8;
        const timer = setInterval(() => {
          document.body.append(document.createElement('span'));
          lastChangeAt = performance.now();
          if (--left === 0) clearInterval(timer);
        }, 40);
        return () => clearInterval(timer);
      }, []);
      return null;
    }
    let lastChangeAt = 0;
    let readyAt = 0;
    const root = document.documentElement;
    const watch = new MutationObserver(() => {
      if (root.dataset.runlensState === 'ready' && readyAt === 0) readyAt = performance.now();
    });
    watch.observe(root, { attributes: true, attributeFilter: ['data-runlens-state'] });
    renderAt(
      <>
        <Changing />
        <ReadySignal />
      </>,
    );
    await waitFor(() => expect(root.dataset.runlensState).toBe('ready'), { timeout: 3_000 });
    watch.disconnect();
    expect(readyAt).toBeGreaterThan(lastChangeAt);
  });

  it('is not ready in a frame that work queued before it has yet to change', async () => {
    // On a loaded machine the settle timer and the frame can come before a render already
    // queued: that render's change must still be seen before the page says "ready".
    const root = document.documentElement;
    let stateRightAfterFrame: string | undefined;
    let changed = false;
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) =>
      window.setTimeout(() => {
        if (!changed) {
          changed = true;
          // Queued before the frame runs, as React's commit would be.
          void Promise.resolve().then(() => document.body.append(document.createElement('span')));
          callback(performance.now());
          stateRightAfterFrame = root.dataset.runlensState;
        } else callback(performance.now());
      }, 16),
    );
    renderAt(<ReadySignal />);
    await waitFor(() => expect(root.dataset.runlensState).toBe('ready'));
    expect(changed).toBe(true);
    expect(stateRightAfterFrame).not.toBe('ready');
  });
});

function renderAt(element: ReactNode) {
  const router = createMemoryRouter([{ path: '/', element }]);
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}
