import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { RouteErrorPage } from './route-error.tsx';

let broken: boolean;
function Page() {
  if (broken) throw new Error('Maximum call stack size exceeded');
  return <h1>Experiments</h1>;
}

function renderApp() {
  const router = createMemoryRouter([{ path: '/', element: <Page />, errorElement: <RouteErrorPage /> }]);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

let consoleError: MockInstance<typeof console.error>;
const reload = vi.fn();
beforeEach(() => {
  // React and the router report each caught render error; kept out of the test output.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  // jsdom cannot reload a page; the memory router does not use window.location.
  reload.mockClear();
  vi.stubGlobal('location', { reload });
});
afterEach(() => {
  consoleError.mockRestore();
  vi.unstubAllGlobals();
});

const reloads = () => reload.mock.calls.length;

describe('RouteErrorPage', () => {
  it('Retry renders the page again without reloading it', async () => {
    broken = true;
    renderApp();
    expect(screen.getByRole('alert')).toHaveTextContent('Maximum call stack size exceeded');
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: /retry/i }));
    expect(await screen.findByRole('heading', { name: 'Experiments' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(reloads()).toBe(0);
  });

  it('reloads the page when rendering it again failed too', async () => {
    broken = true;
    renderApp();
    await userEvent.click(screen.getByRole('button', { name: /retry/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Maximum call stack size exceeded');
    expect(reloads()).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: /retry/i }));
    expect(reloads()).toBe(1);
  });
});
