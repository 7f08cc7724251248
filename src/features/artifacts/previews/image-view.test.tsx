import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HtmlView } from './html-view.tsx';
import { ImageView } from './image-view.tsx';

const IMAGE_URL = '/mlflow/get-artifact?path=plots%2Floss.png&run_uuid=r1';

function show(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

/** A response body of `chunks` chunks of 1 MB, with no Content-Length; counts what was read. */
function streamedResponse(chunks: number) {
  const chunk = new Uint8Array(1024 * 1024);
  const read = { chunks: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (read.chunks === chunks) return controller.close();
      read.chunks++;
      controller.enqueue(chunk);
    },
  });
  return { response: new Response(body, { status: 200 }), read };
}

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  // jsdom has no object URLs.
  URL.createObjectURL = vi.fn(() => 'blob:runlens/image-1');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.unstubAllGlobals());

describe('ImageView', () => {
  it('loads an image of listed size from its URL', () => {
    show(<ImageView url={IMAGE_URL} size={2048} name="loss.png" />);
    expect(screen.getByRole('img', { name: 'loss.png' })).toHaveAttribute('src', IMAGE_URL);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('reads an image of unknown size with the byte cap and shows it from a blob URL, revoked on unmount', async () => {
    const { response } = streamedResponse(1);
    fetchMock.mockResolvedValue(response);
    const view = show(<ImageView url={IMAGE_URL} size={undefined} name="loss.png" />);
    const image = await screen.findByRole('img', { name: 'loss.png' });
    expect(image).toHaveAttribute('src', 'blob:runlens/image-1');
    expect(fetchMock).toHaveBeenCalledWith(IMAGE_URL, expect.anything());
    expect(URL.createObjectURL).toHaveBeenCalledWith(expect.objectContaining({ type: 'image/png', size: 1024 * 1024 }));
    view.unmount();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:runlens/image-1');
  });

  it('stops reading an endless image of unknown size at 50 MB and offers the download', async () => {
    const { response, read } = streamedResponse(Infinity);
    fetchMock.mockResolvedValue(response);
    show(<ImageView url={IMAGE_URL} size={undefined} name="huge.png" />);
    expect(await screen.findByText(/^Too large to preview/)).toHaveTextContent(
      'Too large to preview (its size was not listed, and reading stopped at 50 MB).',
    );
    expect(screen.getByRole('link', { name: 'Download huge.png' })).toHaveAttribute('href', IMAGE_URL);
    expect(screen.queryByRole('img')).toBeNull();
    expect(read.chunks).toBeLessThanOrEqual(52);
  });
});

describe('HtmlView', () => {
  it('frames HTML of listed size at once, sandboxed without same-origin', () => {
    show(<HtmlView url="/report.html" size={100} name="report.html" />);
    const frame = screen.getByTitle('Preview of report.html');
    expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
    expect(frame).toHaveAttribute('src', '/report.html');
  });

  it('frames HTML of unknown size only when asked', () => {
    show(<HtmlView url="/report.html" size={undefined} name="report.html" />);
    expect(screen.queryByTitle('Preview of report.html')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Its size is not listed, so it is not loaded until asked.');
    fireEvent.click(screen.getByRole('button', { name: 'Load preview' }));
    expect(screen.getByTitle('Preview of report.html')).toHaveAttribute('sandbox', 'allow-scripts');
  });
});
