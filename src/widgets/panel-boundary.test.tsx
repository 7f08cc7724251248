import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { failedPanelErrors } from '@/components/failed-panels.ts';
import { PanelBoundary } from './panel-boundary.tsx';

/** Throws while `shouldThrow()` says so: a panel whose rendering fails until something changes. */
function Fragile({ shouldThrow, text }: { shouldThrow: () => boolean; text: string }) {
  if (shouldThrow()) throw new Error('Maximum call stack size exceeded');
  return <p>{text}</p>;
}

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  // React reports each caught render error with console.error; kept out of the test output.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

describe('PanelBoundary', () => {
  it('shows the failed panel’s label and message and leaves its sibling intact', () => {
    render(
      <>
        <PanelBoundary label="This preview failed">
          <Fragile shouldThrow={() => true} text="preview" />
        </PanelBoundary>
        <PanelBoundary label="This chart failed">
          <Fragile shouldThrow={() => false} text="The loss chart" />
        </PanelBoundary>
      </>,
    );
    const failed = screen.getByRole('group', { name: 'This preview failed' });
    expect(failed).toHaveTextContent('This preview failed.');
    expect(screen.getByRole('alert')).toHaveTextContent('Maximum call stack size exceeded');
    expect(screen.getByRole('button', { name: /retry/i })).toBeInTheDocument();
    expect(screen.getByText('The loss chart')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'This chart failed' })).toBeNull();
  });

  it('logs the render error with console.error once', () => {
    render(
      <PanelBoundary label="This preview failed">
        <Fragile shouldThrow={() => true} text="preview" />
      </PanelBoundary>,
    );
    const logsOfIt = consoleError.mock.calls.filter((args) =>
      args.some((arg) => arg instanceof Error && arg.message === 'Maximum call stack size exceeded'),
    );
    expect(logsOfIt).toHaveLength(1);
  });

  it('Retry renders the panel again, which now succeeds, and stops counting it as failed', async () => {
    let broken = true;
    render(
      <PanelBoundary label="This chart failed">
        <Fragile shouldThrow={() => broken} text="The loss chart" />
      </PanelBoundary>,
    );
    await waitFor(() => expect(failedPanelErrors()).toHaveLength(1));
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: /retry/i }));
    expect(screen.getByText('The loss chart')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(failedPanelErrors()).toHaveLength(0);
  });

  it('clears the error when a reset key changes (another file is chosen)', () => {
    const brokenFile = 'deep.json';
    const panel = (path: string) => (
      <PanelBoundary label="This preview failed" resetKeys={[path]}>
        <Fragile shouldThrow={() => path === brokenFile} text={`Preview of ${path}`} />
      </PanelBoundary>
    );
    const { rerender } = render(panel(brokenFile));
    expect(screen.getByRole('alert')).toHaveTextContent('Maximum call stack size exceeded');
    rerender(panel('notes.txt'));
    expect(screen.getByText('Preview of notes.txt')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the error while the parent re-renders with the same reset keys', () => {
    const panel = (path: string) => (
      <PanelBoundary label="This preview failed" resetKeys={[path]}>
        <Fragile shouldThrow={() => true} text="preview" />
      </PanelBoundary>
    );
    const { rerender } = render(panel('deep.json'));
    rerender(panel('deep.json'));
    expect(screen.getByRole('alert')).toHaveTextContent('Maximum call stack size exceeded');
  });
});

describe('PanelBoundary with queries', () => {
  function wrapper({ children }: { children: ReactNode }) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  }

  /** A panel whose query error is thrown to its boundary. */
  function Loaded({ name, fetcher }: { name: string; fetcher: () => Promise<string> }) {
    const query = useQuery({ queryKey: ['panel', name], queryFn: fetcher, throwOnError: true });
    return <p>{query.data ?? 'Loading…'}</p>;
  }

  it('Retry fetches only the failed panel’s query again', async () => {
    const previewFetch = vi.fn().mockRejectedValueOnce(new Error('The preview could not load')).mockResolvedValue('Preview text');
    const otherFetch = vi.fn().mockRejectedValue(new Error('The chart could not load'));
    render(
      <>
        <PanelBoundary label="This preview failed">
          <Loaded name="preview" fetcher={previewFetch} />
        </PanelBoundary>
        <PanelBoundary label="This chart failed">
          <Loaded name="chart" fetcher={otherFetch} />
        </PanelBoundary>
      </>,
      { wrapper },
    );
    const preview = await screen.findByRole('group', { name: 'This preview failed' });
    expect(preview).toHaveTextContent('The preview could not load');
    expect(await screen.findByRole('group', { name: 'This chart failed' })).toHaveTextContent('The chart could not load');

    const [previewRetry] = screen.getAllByRole('button', { name: /retry/i });
    await userEvent.click(previewRetry!);
    expect(await screen.findByText('Preview text')).toBeInTheDocument();
    expect(previewFetch).toHaveBeenCalledTimes(2);
    expect(otherFetch).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('group', { name: 'This chart failed' })).toBeInTheDocument();
  });
});
