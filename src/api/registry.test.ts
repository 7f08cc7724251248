import { afterEach, describe, expect, it, vi } from 'vitest';
import aliasAnswer from './__fixtures__/registered-models-alias.mlflow-3.17.2.json';
import modelAnswer from './__fixtures__/registered-models-get.mlflow-3.17.2.json';
import searchAnswer from './__fixtures__/registered-models-search.mlflow-3.17.2.json';
import searchAnswer22 from './__fixtures__/registered-models-search.mlflow-2.22.json';
import versionsAnswer from './__fixtures__/model-versions-search.mlflow-3.17.2.json';
import versionsAnswer22 from './__fixtures__/model-versions-search.mlflow-2.22.json';
import { ApiError } from './api-error.ts';
import {
  aliasesByVersion,
  byVersionDescending,
  getModelVersionByAlias,
  getRegisteredModel,
  isNoRegistryError,
  nextRegisteredModelPageToken,
  registeredModelNameFilter,
  searchModelVersions,
  searchRegisteredModels,
  usesStages,
  type RegisteredModelPage,
  type RegistryAnswer,
} from './registry.ts';

afterEach(() => vi.unstubAllGlobals());

/** Answers every request with `body` and records the URLs asked for. */
function answer(body: unknown, status = 200) {
  const fetchMock = vi.fn<(url: string) => Promise<Response>>(
    async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return () => fetchMock.mock.calls.map(([url]) => new URL(url, 'http://runlens.test'));
}

const value = <T>(result: RegistryAnswer<T>): T => {
  if (!result.registry) throw new Error('expected a registry');
  return result.value;
};

describe('registered models captured from MLflow 3.17.2 (the registry scenario)', () => {
  it('searches by name with GET and reads models, latest versions, tags and aliases', async () => {
    const urls = answer(searchAnswer);
    const page = value(await searchRegisteredModels({ nameContains: 'registry-demo' }));
    const [url] = urls();
    expect(url?.pathname).toBe('/mlflow/api/2.0/mlflow/registered-models/search');
    expect(url?.searchParams.get('filter')).toBe("name ILIKE '%registry-demo%'");
    expect(url?.searchParams.get('max_results')).toBe('100');
    expect(page.nextPageToken).toBeUndefined();
    const [model] = page.models;
    expect(model).toMatchObject({
      name: 'runlens-registry-demo',
      createdAt: 1796289895193,
      tags: [
        { key: 'team', value: 'runlens' },
        { key: 'task', value: 'classification' },
      ],
      aliases: [{ alias: 'champion', version: '1' }],
    });
    expect(model?.description).toContain('# Iris classifier');
    // 3.x: one latest version, stage "None", registered from a LoggedModel named in `source`.
    expect(model?.latestVersions).toEqual([
      expect.objectContaining({
        version: '2',
        stage: 'None',
        source: 'models:/m-270975916a36414c961d783e09184089',
        modelId: 'm-270975916a36414c961d783e09184089',
        runId: '708573a8c84e46f7ad15621e9a666241',
        status: 'READY',
        aliases: [],
      }),
    ]);
  });

  it('leaves out prompts (registered models tagged mlflow.prompt.is_prompt), which older servers return', async () => {
    answer({
      registered_models: [
        { name: 'qa-prompt', tags: [{ key: 'mlflow.prompt.is_prompt', value: 'true' }] },
        { name: 'model', tags: [{ key: 'mlflow.prompt.is_prompt', value: 'false' }] },
      ],
      next_page_token: 'next',
    });
    expect(value(await searchRegisteredModels({ nameContains: '' }))).toMatchObject({ models: [{ name: 'model' }], nextPageToken: 'next' });
  });

  it('sends no filter for an empty search and passes the page token on', async () => {
    const urls = answer({});
    expect(value(await searchRegisteredModels({ nameContains: '  ', pageToken: 'tok' }))).toEqual({ models: [], nextPageToken: undefined });
    expect(urls()[0]?.searchParams.has('filter')).toBe(false);
    expect(urls()[0]?.searchParams.get('page_token')).toBe('tok');
  });

  it('gets one model by name', async () => {
    const urls = answer(modelAnswer);
    const model = value(await getRegisteredModel('runlens-registry-demo'));
    expect(urls()[0]?.searchParams.get('name')).toBe('runlens-registry-demo');
    expect(model.aliases).toEqual([{ alias: 'champion', version: '1' }]);
  });

  it('lists every version, newest first, without aliases (search leaves them out)', async () => {
    const urls = answer(versionsAnswer);
    const versions = value(await searchModelVersions('runlens-registry-demo'));
    expect(urls()[0]?.searchParams.get('filter')).toBe("name='runlens-registry-demo'");
    expect(versions.map((v) => [v.version, v.modelId, v.aliases])).toEqual([
      ['2', 'm-270975916a36414c961d783e09184089', []],
      ['1', 'm-682c906abaed44bbbafcee4f072be09f', []],
    ]);
    expect(versions[1]?.tags).toEqual([{ key: 'C', value: '1.0' }]);
  });

  it('resolves an alias to its version, which carries its aliases', async () => {
    const urls = answer(aliasAnswer);
    const version = value(await getModelVersionByAlias('runlens-registry-demo', 'champion'));
    expect(urls()[0]?.pathname).toBe('/mlflow/api/2.0/mlflow/registered-models/alias');
    expect(urls()[0]?.searchParams.get('alias')).toBe('champion');
    expect(version).toMatchObject({ version: '1', aliases: ['champion'], runId: '0811761e8ebe4bfeb99ecaea63b48d95' });
  });

  it('escapes quotes in the version filter', async () => {
    const urls = answer({});
    expect(value(await searchModelVersions("it's"))).toEqual([]);
    expect(urls()[0]?.searchParams.get('filter')).toBe("name='it\\'s'");
  });
});

describe('registered models captured from MLflow 2.22 (stages)', () => {
  it('reads a latest version per stage and run-based sources', async () => {
    answer(searchAnswer22);
    const [model] = value(await searchRegisteredModels({ nameContains: '' })).models;
    expect(model?.latestVersions.map((v) => [v.version, v.stage, v.modelId])).toEqual([
      ['1', 'Production', undefined],
      ['2', 'Staging', undefined],
    ]);
    expect(model?.latestVersions[0]?.source).toBe('runs:/d7359b669f184a76ad0cef33059a3972/model');
  });

  it('knows the registry uses stages', async () => {
    answer(versionsAnswer22);
    expect(usesStages(value(await searchModelVersions('runlens-registry-demo')))).toBe(true);
    answer(versionsAnswer);
    expect(usesStages(value(await searchModelVersions('runlens-registry-demo')))).toBe(false);
  });

  it('tolerates an older server: no aliases, no tags, numbers as strings', async () => {
    answer({
      registered_models: [
        {
          name: 'old',
          creation_timestamp: '1600000000000',
          latest_versions: [{ name: 'old', version: 3, current_stage: 'Archived', source: 's3://bucket/1/abc/artifacts/model' }],
        },
      ],
    });
    const [model] = value(await searchRegisteredModels({ nameContains: '' })).models;
    expect(model).toMatchObject({ name: 'old', createdAt: 1_600_000_000_000, description: '', tags: [], aliases: [] });
    expect(model?.latestVersions[0]).toMatchObject({ version: '3', stage: 'Archived', status: 'READY', aliases: [], modelId: undefined });
  });
});

describe('servers without a registry', () => {
  it('answers "no registry" for ENDPOINT_NOT_FOUND, 501 and a bare 404', async () => {
    answer({ error_code: 'ENDPOINT_NOT_FOUND', message: 'No API route' }, 404);
    expect(await searchRegisteredModels({ nameContains: '' })).toEqual({ registry: false });
    answer('not implemented', 501);
    expect(await getRegisteredModel('m')).toEqual({ registry: false });
    answer('<html><title>404 Not Found</title></html>', 404);
    expect(await searchModelVersions('m')).toEqual({ registry: false });
  });

  it('keeps "no such model" an error', async () => {
    answer({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Registered Model with name=nope not found' }, 404);
    const error = await getRegisteredModel('nope').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isNotFound).toBe(true);
    expect(isNoRegistryError(error)).toBe(false);
  });

  it('keeps an unknown alias an error (MLflow answers 400 INVALID_PARAMETER_VALUE)', async () => {
    answer({ error_code: 'INVALID_PARAMETER_VALUE', message: 'Registered model alias nope not found.' }, 400);
    await expect(getModelVersionByAlias('m', 'nope')).rejects.toMatchObject({ status: 400, errorCode: 'INVALID_PARAMETER_VALUE' });
  });
});

describe('registeredModelNameFilter', () => {
  it('builds a portable ILIKE filter with quotes and wildcards escaped', () => {
    expect(registeredModelNameFilter(' ')).toBeUndefined();
    expect(registeredModelNameFilter('iris')).toBe("name ILIKE '%iris%'");
    expect(registeredModelNameFilter("it's 100%_\\")).toBe("name ILIKE '%it\\'s 100\\%\\_\\\\%'");
  });
});

describe('paging', () => {
  const page = (n: number, token?: string): RegistryAnswer<RegisteredModelPage> => ({
    registry: true,
    value: { models: Array.from({ length: n }, (_, i) => ({ name: `m${i}` }) as never), nextPageToken: token },
  });
  it('follows the token (also past a page of prompts only) and stops when it is absent, repeated or without a registry', () => {
    expect(nextRegisteredModelPageToken(page(2, 'a'), [page(2, 'a')])).toBe('a');
    expect(nextRegisteredModelPageToken(page(2), [page(2)])).toBeUndefined();
    expect(nextRegisteredModelPageToken(page(0, 'b'), [page(2, 'a'), page(0, 'b')])).toBe('b');
    expect(nextRegisteredModelPageToken(page(2, 'a'), [page(2, 'a'), page(2, 'a')])).toBeUndefined();
    expect(nextRegisteredModelPageToken({ registry: false }, [{ registry: false }])).toBeUndefined();
  });
});

describe('versions and aliases', () => {
  it('orders versions as numbers', () => {
    expect([{ version: '9' }, { version: '10' }, { version: '1' }].sort(byVersionDescending).map((v) => v.version)).toEqual([
      '10',
      '9',
      '1',
    ]);
  });

  it('groups aliases by version', () => {
    const byVersion = aliasesByVersion([
      { alias: 'prod', version: '2' },
      { alias: 'champion', version: '1' },
      { alias: 'blue', version: '2' },
    ]);
    expect(byVersion.get('2')).toEqual(['blue', 'prod']);
    expect(byVersion.get('1')).toEqual(['champion']);
    expect(byVersion.get('3')).toBeUndefined();
  });
});
