import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '@/components/panel-boundary.tsx';
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
});
