import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
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
});
