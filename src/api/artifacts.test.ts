import { afterEach, describe, expect, it, vi } from 'vitest';
import captured from './__fixtures__/artifacts-list.mlflow-3.17.2.json';
import { artifactDownloadUrl, fetchArtifactBytes, listArtifacts, TooLargeError } from './artifacts.ts';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('listArtifacts', () => {
  it('lists a run folder captured from MLflow 3.17.2, folders first', async () => {
    const fetchMock = vi.fn(async () => json(captured));
    vi.stubGlobal('fetch', fetchMock);
    const listing = await listArtifacts({ kind: 'run', runId: 'r1' }, '');
    expect(fetchMock).toHaveBeenCalledWith('/mlflow/api/2.0/mlflow/artifacts/list?run_id=r1', expect.anything());
    expect(listing.rootUri).toMatch(/^mlflow-artifacts:/);
    expect(listing.files).toEqual([
      { path: 'cv_results.csv', name: 'cv_results.csv', isDir: false, size: 1135 },
      { path: 'estimator.html', name: 'estimator.html', isDir: false, size: 84966 },
      { path: 'training_confusion_matrix.png', name: 'training_confusion_matrix.png', isDir: false, size: 29063 },
    ]);
  });

  it('accepts string sizes and basenames, and drops the echo of a listed file', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ files: [{ path: 'b.txt', file_size: '12' }, { path: 'dir/sub', is_dir: true }, { path: 'dir' }] })),
    );
    const listing = await listArtifacts({ kind: 'logged-model', modelId: 'm-1' }, 'dir');
    expect(listing.files).toEqual([
      { path: 'dir/sub', name: 'sub', isDir: true, size: undefined },
      { path: 'dir/b.txt', name: 'b.txt', isDir: false, size: 12 },
    ]);
  });

  it('follows page tokens and stops on a repeated one', async () => {
    const fetchMock = vi.fn(async () => json({ files: [{ path: 'a', file_size: 1 }], next_page_token: 'same' }));
    vi.stubGlobal('fetch', fetchMock);
    await listArtifacts({ kind: 'run', runId: 'r' }, '');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe('artifactDownloadUrl', () => {
  it('uses /get-artifact on MLflow, artifacts/get elsewhere, the proxy route and the LoggedModel route', () => {
    expect(artifactDownloadUrl({ kind: 'run', runId: 'r1' }, 'a b/c#d.txt', 'get-artifact')).toBe(
      '/mlflow/get-artifact?path=a+b%2Fc%23d.txt&run_uuid=r1',
    );
    expect(artifactDownloadUrl({ kind: 'run', runId: 'r1' }, 'x.txt', 'artifacts-get')).toBe(
      '/mlflow/api/2.0/mlflow/artifacts/get?run_id=r1&path=x.txt',
    );
    expect(artifactDownloadUrl({ kind: 'run', runId: 'r1' }, 'd/x#1.txt', 'mlflow-artifacts', 'mlflow-artifacts:/2/r1/artifacts')).toBe(
      '/mlflow/api/2.0/mlflow-artifacts/artifacts/2/r1/artifacts/d/x%231.txt',
    );
    expect(artifactDownloadUrl({ kind: 'logged-model', modelId: 'm-1' }, 'MLmodel', 'get-artifact')).toBe(
      '/mlflow/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files?artifact_file_path=MLmodel',
    );
    // Behind a gateway without /ajax-api, a LoggedModel's files come through the artifact proxy too.
    expect(
      artifactDownloadUrl(
        { kind: 'logged-model', modelId: 'm-1' },
        'MLmodel',
        'mlflow-artifacts',
        'mlflow-artifacts:/2/models/m-1/artifacts',
      ),
    ).toBe('/mlflow/api/2.0/mlflow-artifacts/artifacts/2/models/m-1/artifacts/MLmodel');
  });
});

describe('fetchArtifactBytes', () => {
  it('reads past the browser cache, so a retry after a cut-off download is a fresh request', async () => {
    const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async () => new Response('hello', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    expect(new TextDecoder().decode(await fetchArtifactBytes('/x', 5, 100))).toBe('hello');
    expect(fetchMock.mock.calls[0]![1]!.cache).toBe('no-store');
  });

  it('refuses by listed size without a request', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    await expect(fetchArtifactBytes('/x', 60 * 1024 * 1024, 50 * 1024 * 1024)).rejects.toBeInstanceOf(TooLargeError);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('stops reading at the cap when the size is unknown', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(stream)),
    );
    await expect(fetchArtifactBytes('/x', undefined, 2500)).rejects.toBeInstanceOf(TooLargeError);
    expect(pulled).toBeLessThan(10);
  });

  it('returns the bytes under the cap', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('hello')),
    );
    expect(new TextDecoder().decode(await fetchArtifactBytes('/x', undefined, 100))).toBe('hello');
  });
});
