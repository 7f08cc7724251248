import { afterEach, describe, expect, it, vi } from 'vitest';
import captured from './__fixtures__/logged-models-search.mlflow-3.17.2.json';
import { searchRunLoggedModels } from './logged-models.ts';

afterEach(() => vi.unstubAllGlobals());

describe('searchRunLoggedModels', () => {
  it("finds the run's LoggedModels (seed 002's sk_model, captured from MLflow 3.17.2)", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(captured), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const models = await searchRunLoggedModels('7', '44215888de914528840dd4fe90077854');
    expect(models).toEqual([
      expect.objectContaining({
        modelId: 'm-25c3224ba0f54727b39b14cc275f796b',
        name: 'sk_model',
        status: 'LOGGED_MODEL_READY',
        sourceRunId: '44215888de914528840dd4fe90077854',
      }),
    ]);
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toMatchObject({
      experiment_ids: ['7'],
      filter: "source_run_id = '44215888de914528840dd4fe90077854'",
    });
  });

  it('treats a server without logged models (404) as having none', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error_code: 'ENDPOINT_NOT_FOUND', message: 'no' }), { status: 404 })),
    );
    expect(await searchRunLoggedModels('1', 'r')).toEqual([]);
  });
});
