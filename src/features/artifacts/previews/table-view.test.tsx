import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTablePreview } from '@/lib/table-preview.ts';
import type { TableRequest } from '../csv-worker.ts';
import { TableView } from './table-view.tsx';

/** jsdom has no Web Worker: this one answers as csv-worker.ts does, on the next tick. */
class InlineCsvWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  postMessage(request: TableRequest) {
    setTimeout(() => this.onmessage?.({ data: structuredClone(parseTablePreview(request.text, request.delimiter)) }));
  }
  terminate() {}
}

beforeEach(() => vi.stubGlobal('Worker', InlineCsvWorker));
afterEach(() => vi.unstubAllGlobals());

describe('TableView', () => {
  it('shows a small CSV whole, without notices', async () => {
    render(<TableView text={'name,score\nalpha,0.9\n'} delimiter="," label="Contents of scores.csv" />);
    const table = await screen.findByRole('table', { name: 'Contents of scores.csv' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['name', 'score']);
    expect(within(table).getByRole('cell', { name: 'alpha' })).toBeInTheDocument();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('shows 200 of a 200,000-column header and says so', async () => {
    const header = Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',');
    render(<TableView text={`${header}\n${header.replaceAll('c', 'v')}\n`} delimiter="," label="Contents of wide.csv" />);
    const table = await screen.findByRole('table', { name: 'Contents of wide.csv' });
    expect(table.querySelectorAll('th')).toHaveLength(200);
    expect(table.querySelectorAll('td')).toHaveLength(200);
    expect(screen.getByRole('note')).toHaveTextContent('Showing 200 of 200,000 columns; download the file for the rest.');
  });

  it('says when rows are left out, for TSV too', async () => {
    render(<TableView text={`n\tm\n${'1\t2\n'.repeat(3000)}`} delimiter={'\t'} label="Contents of long.tsv" />);
    const table = await screen.findByRole('table', { name: 'Contents of long.tsv' });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(1000);
    expect(screen.getByRole('note')).toHaveTextContent('Showing the first 1,000 rows; download the file for the rest.');
    // A thousand rows take seconds to draw in jsdom on a shared core.
  }, 20_000);
});
