import { afterEach, describe, expect, it, vi } from 'vitest';
import capturedExperiment from './__fixtures__/logged-models-search-experiment.mlflow-3.17.2.json';
import captured from './__fixtures__/logged-models-search.mlflow-3.17.2.json';
import {
  loggedModelNameFilter,
  nextLoggedModelPageToken,
  searchLoggedModels,
  searchRunLoggedModels,
  type LoggedModel,
  type LoggedModelPage,
} from './logged-models.ts';

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

describe('searchLoggedModels (an experiment, captured from MLflow 3.17.2: sklearn-autolog)', () => {
  it('reads names, source runs, status, tags, params and every metric entry', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(capturedExperiment), { status: 200 })),
    );
    const page = await searchLoggedModels({ experimentIds: ['1'], filter: '' });
    expect(page.unsupported).toBe(false);
    expect(page.nextPageToken).toBeUndefined();
    expect(page.models.map((m) => m.name)).toEqual(['best_estimator', 'model', 'model', 'model']);
    const [best] = page.models;
    expect(best).toMatchObject({
      modelId: 'm-185aaf95459b48debb5341be6c3d70b0',
      experimentId: '1',
      status: 'LOGGED_MODEL_READY',
      sourceRunId: '0af6d37deca2440c884b93ddd9e68a52',
      createdAt: 1796289781954,
      modelType: undefined,
    });
    expect(best!.tags).toContainEqual({ key: 'mlflow.user', value: 'root' });
    expect(best!.params).toContainEqual({ key: 'kernel', value: 'linear' });
    // GridSearchCV's best_estimator carries its best child's scores: run_id is that child's.
    expect(best!.metrics).toContainEqual({
      key: 'mean_test_score',
      value: 0.9800000000000001,
      step: 0,
      timestamp: 1796289782383,
      datasetName: 'dataset',
      datasetDigest: '2bf3ace3',
      runId: '7b079a67c6c8458eb3f3fe7271eb3d7b',
    });
  });

  it('sends the experiment, the filter, the order and the page token; 50 a page', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ models: [], next_page_token: 'next' }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await searchLoggedModels({
      experimentIds: ['1'],
      filter: "name ILIKE '%best%'",
      orderBy: { field: 'metrics.training_score', ascending: false },
      pageToken: 'abc',
    });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/mlflow/api/2.0/mlflow/logged-models/search');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({
      experiment_ids: ['1'],
      filter: "name ILIKE '%best%'",
      order_by: [{ field_name: 'metrics.training_score', ascending: false }],
      max_results: 50,
      page_token: 'abc',
    });
  });

  it('tolerates models without data, odd metric values and int64 strings', async () => {
    const body = {
      models: [
        { info: { model_id: 'm-1', name: 'bare', creation_timestamp_ms: '1700000000000', source_run_id: '' } },
        { info: { model_id: 'm-2' }, data: { metrics: [{ key: 'nan', value: 'NaN', step: '3' }, { key: 'missing' }] } },
      ],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })),
    );
    const { models } = await searchLoggedModels({ experimentIds: ['1'], filter: '' });
    expect(models[0]).toMatchObject({
      name: 'bare',
      createdAt: 1_700_000_000_000,
      sourceRunId: undefined,
      metrics: [],
      params: [],
      tags: [],
    });
    expect(models[1]!.metrics).toEqual([
      expect.objectContaining({ key: 'nan', value: NaN, step: 3 }),
      expect.objectContaining({ key: 'missing', value: NaN, step: 0 }),
    ]);
  });

  it.each([
    [404, 'ENDPOINT_NOT_FOUND'],
    [404, undefined],
    [501, 'NOT_IMPLEMENTED'],
  ])('reads %i %s as a server without logged models, not an error', async (status, code) => {
    const body = code ? { error_code: code, message: 'no' } : 'Not Found';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })),
    );
    expect(await searchLoggedModels({ experimentIds: ['1'], filter: '' })).toEqual({
      models: [],
      nextPageToken: undefined,
      unsupported: true,
    });
  });

  it('fails on a rejected filter', async () => {
    const body = { error_code: 'INVALID_PARAMETER_VALUE', message: "Invalid filter string: 'foo bar'." };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(body), { status: 400 })),
    );
    await expect(searchLoggedModels({ experimentIds: ['1'], filter: 'foo bar' })).rejects.toMatchObject({ status: 400 });
  });
});

describe('nextLoggedModelPageToken', () => {
  const page = (count: number, token?: string): LoggedModelPage => ({
    models: Array.from({ length: count }, () => ({}) as LoggedModel),
    nextPageToken: token,
    unsupported: false,
  });
  it('follows the token and stops when it is absent, repeated or the page is empty', () => {
    expect(nextLoggedModelPageToken(page(50, 'a'), [page(50, 'a')])).toBe('a');
    expect(nextLoggedModelPageToken(page(3), [page(3)])).toBeUndefined();
    expect(nextLoggedModelPageToken(page(0, 'b'), [page(50, 'a'), page(0, 'b')])).toBeUndefined();
    expect(nextLoggedModelPageToken(page(50, 'a'), [page(50, 'a'), page(50, 'a')])).toBeUndefined();
  });
});

describe('loggedModelNameFilter', () => {
  it('builds a case-insensitive name filter with quotes and backslashes escaped', () => {
    expect(loggedModelNameFilter('  ')).toBe('');
    expect(loggedModelNameFilter(' best ')).toBe("name ILIKE '%best%'");
    expect(loggedModelNameFilter("it's a\\b")).toBe("name ILIKE '%it\\'s a\\\\b%'");
  });
});
