import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunSummaryCells } from './run-summary-cells.tsx';

afterEach(() => vi.unstubAllGlobals());

function renderCells() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <table>
        <tbody>
          <tr>
            <RunSummaryCells experimentId="7" />
          </tr>
        </tbody>
      </table>
    </QueryClientProvider>,
  );
}

describe('RunSummaryCells', () => {
  it('shows dashes while counting, then the count and the last run', async () => {
    let answer: ((response: Response) => void) | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    renderCells();
    await vi.waitFor(() => expect(answer).toBeDefined());
    const [runs, lastRun] = screen.getAllByRole('cell');
    expect(runs).toHaveTextContent('—');
    expect(lastRun).toHaveTextContent('—');
    answer!(new Response(JSON.stringify({ runs: [{ info: { run_id: 'a', start_time: 1_700_000_000_000 } }] }), { status: 200 }));
    await vi.waitFor(() => expect(runs).toHaveTextContent(/^1$/));
    expect(lastRun).toHaveTextContent(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('marks a failed count with "!" and the error in its title, leaving the row', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error_code: 'PERMISSION_DENIED', message: 'not yours' }), { status: 403 })),
    );
    renderCells();
    await vi.waitFor(() => expect(screen.getAllByRole('cell')[0]).toHaveTextContent('!'));
    const [runs, lastRun] = screen.getAllByRole('cell');
    expect(runs).toHaveAttribute('title', expect.stringContaining('not yours'));
    expect(runs).toHaveTextContent('Could not count the runs: not yours');
    expect(lastRun).toHaveTextContent('—');
  });
});
