import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import aliasAnswer from '@/api/__fixtures__/registered-models-alias.mlflow-3.17.2.json';
import searchAnswer from '@/api/__fixtures__/registered-models-search.mlflow-3.17.2.json';
import modelAnswer22 from '@/api/__fixtures__/registered-models-search.mlflow-2.22.json';
import versionsAnswer22 from '@/api/__fixtures__/model-versions-search.mlflow-2.22.json';
import { paths } from '@/config/paths.ts';
import { ModelAliasPage } from './alias-page.tsx';
import { ModelListPage } from './model-list-page.tsx';
import { ModelPage } from './model-page.tsx';
import { ModelVersionPage } from './version-page.tsx';
import { BACKEND_PATH } from '../../../contract/runlens-http.ts';

/** jsdom has no layout: every observed element is in view at once (source-run links read their run). */
class InViewObserver {
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {}
  observe() {
    this.callback([{ isIntersecting: true }]);
  }
  disconnect() {}
}

beforeEach(() => vi.stubGlobal('IntersectionObserver', InViewObserver));
afterEach(() => vi.unstubAllGlobals());

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status });
const backend = (registry: boolean) => ({
  kind: 'mlflow',
  name: 'MLflow 3.17.2',
  version: '3.17.2',
  artifactDownload: 'get-artifact',
  loggedModels: true,
  registry,
});

/** Answers by path; records every URL asked for. */
function serve(handler: (url: URL) => Response) {
  const fetchMock = vi.fn(async (url: string) => handler(new URL(url, 'http://runlens')));
  vi.stubGlobal('fetch', fetchMock);
  return () => fetchMock.mock.calls.map(([url]) => new URL(url, 'http://runlens'));
}

function Search() {
  return <pre data-testid="search">{useLocation().search}</pre>;
}

function renderAt(url: string, element: ReactNode, path = '*') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={path} element={element} />
        </Routes>
        <Search />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('ModelListPage', () => {
  it('lists models with latest version, alias, tags and a rendered description; a search goes to the URL and the server', async () => {
    const urls = serve((url) => {
      if (url.pathname === BACKEND_PATH) return json(backend(true));
      return json(url.searchParams.get('filter')?.includes('nothing') ? {} : searchAnswer);
    });
    renderAt('/models', <ModelListPage />);
    const table = await screen.findByRole('table', { name: 'Registered models' });
    const row = within(table).getByRole('row', { name: /runlens-registry-demo/ });
    expect(within(row).getByRole('link', { name: 'Version 2' })).toHaveAttribute('href', '/models/runlens-registry-demo/versions/2');
    expect(within(row).getByRole('link', { name: '@champion → v1' })).toHaveAttribute(
      'href',
      '/models/runlens-registry-demo/aliases/champion',
    );
    expect(within(row).getByText('team: runlens')).toBeInTheDocument();
    expect(within(row).getByRole('heading', { name: 'Iris classifier' })).toBeInTheDocument();

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search models by name' }), "nothing's here{Enter}");
    expect(await screen.findByText("No registered model name contains “nothing's here”.")).toBeInTheDocument();
    expect(screen.getByTestId('search')).toHaveTextContent('?searchFilter=nothing%27s+here');
    expect(urls().at(-1)?.searchParams.get('filter')).toBe("name ILIKE '%nothing\\'s here%'");
  });

  it('shows a notice, and asks the registry nothing, when the server has none (the probe says so)', async () => {
    const urls = serve((url) => (url.pathname === BACKEND_PATH ? json(backend(false)) : json({}, 500)));
    renderAt('/models', <ModelListPage />);
    expect(await screen.findByRole('heading', { name: 'This tracking server has no model registry' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(urls().map((url) => url.pathname)).toEqual([BACKEND_PATH]);
  });

  it('shows the notice when the registry endpoint is missing although the probe did not say so', async () => {
    serve((url) =>
      url.pathname === BACKEND_PATH ? json(backend(true)) : json({ error_code: 'ENDPOINT_NOT_FOUND', message: 'No API route' }, 404),
    );
    renderAt('/models', <ModelListPage />);
    expect(await screen.findByRole('heading', { name: 'This tracking server has no model registry' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('ModelPage', () => {
  it('shows a Stage column for a 2.x registry that used stages, and aliases from the model', async () => {
    serve((url) => {
      if (url.pathname === BACKEND_PATH) return json(backend(true));
      if (url.pathname.endsWith('/registered-models/get')) return json({ registered_model: modelAnswer22.registered_models[0] });
      if (url.pathname.endsWith('/model-versions/search')) return json(versionsAnswer22);
      if (url.pathname.endsWith('/runs/get')) {
        const runId = url.searchParams.get('run_id');
        return json({ run: { info: { run_id: runId, run_name: `run-${runId?.slice(0, 4)}`, experiment_id: '3' } } });
      }
      return json({}, 404);
    });
    renderAt(paths.registeredModel.getHref('runlens-registry-demo'), <ModelPage modelName="runlens-registry-demo" />);
    const table = await screen.findByRole('table', { name: 'Versions' });
    expect(within(table).getByRole('columnheader', { name: 'Stage' })).toBeInTheDocument();
    const v1 = within(table).getByRole('row', { name: /Version 1/ });
    expect(within(v1).getByText('Production')).toBeInTheDocument();
    expect(within(v1).getByRole('link', { name: '@champion' })).toBeInTheDocument();
    const v2 = within(table).getByRole('row', { name: /Version 2/ });
    expect(within(v2).getByText('Staging')).toBeInTheDocument();
    expect(within(v2).queryByRole('link', { name: /@/ })).not.toBeInTheDocument();
  });

  it('says a model does not exist', async () => {
    serve((url) =>
      url.pathname === BACKEND_PATH
        ? json(backend(true))
        : json({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Registered Model with name=nope not found' }, 404),
    );
    renderAt('/models/nope', <ModelPage modelName="nope" />);
    expect(await screen.findByRole('heading', { name: 'Model not found' })).toBeInTheDocument();
  });
});

describe('ModelVersionPage', () => {
  it("hands the model files view the version's LoggedModel, its run's experiment and the registry URIs", async () => {
    serve((url) => {
      if (url.pathname === BACKEND_PATH) return json(backend(true));
      if (url.pathname.endsWith('/model-versions/get')) {
        return json({
          model_version: {
            name: 'iris',
            version: '1',
            current_stage: 'None',
            source: 'models:/m-682c',
            run_id: 'r1',
            status: 'READY',
            aliases: ['champion'],
          },
        });
      }
      if (url.pathname.endsWith('/runs/get'))
        return json({ run: { info: { run_id: 'r1', run_name: 'registry-v1', experiment_id: '15' } } });
      return json({}, 404);
    });
    const renderModelFiles = vi.fn((args: unknown) => <pre data-testid="files">{JSON.stringify(args)}</pre>);
    renderAt('/models/iris/versions/1', <ModelVersionPage modelName="iris" version="1" renderModelFiles={renderModelFiles} />);
    const files = await screen.findByTestId('files');
    expect(JSON.parse(files.textContent ?? '')).toEqual({
      source: { kind: 'logged-model', modelId: 'm-682c' },
      dirPath: '',
      experimentId: '15',
      runId: 'r1',
      modelUri: 'models:/iris/1',
      aliasUris: ['models:/iris@champion'],
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('iris version 1');
    expect(await screen.findByRole('link', { name: 'registry-v1' })).toHaveAttribute('href', '/experiments/15/runs/r1');
  });

  it('shows the source as text when its files cannot be placed', async () => {
    serve((url) => {
      if (url.pathname === BACKEND_PATH) return json(backend(true));
      return json({ model_version: { name: 'm', version: '4', source: 's3://bucket/exported/model', status: 'READY' } });
    });
    const renderModelFiles = vi.fn(() => null);
    renderAt('/models/m/versions/4', <ModelVersionPage modelName="m" version="4" renderModelFiles={renderModelFiles} />);
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent("The model's files cannot be shown: its source, s3://bucket/exported/model, is neither");
    expect(note).toHaveTextContent('models:/m/4');
    expect(renderModelFiles).not.toHaveBeenCalled();
  });
});

describe('ModelAliasPage', () => {
  function Landed() {
    return <p>landed on {useLocation().pathname}</p>;
  }

  function renderAlias(alias: string) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[paths.modelAlias.getHref('runlens-registry-demo', alias)]}>
          <Routes>
            <Route path={paths.modelAlias.path} element={<ModelAliasPage modelName="runlens-registry-demo" alias={alias} />} />
            <Route path={paths.modelVersion.path} element={<Landed />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it('replaces the alias link with the page of the version it points at', async () => {
    const urls = serve((url) => (url.pathname === BACKEND_PATH ? json(backend(true)) : json(aliasAnswer)));
    renderAlias('champion');
    expect(await screen.findByText('landed on /models/runlens-registry-demo/versions/1')).toBeInTheDocument();
    expect(urls().at(-1)?.searchParams.get('alias')).toBe('champion');
  });

  it('says an alias does not exist (MLflow answers 400 INVALID_PARAMETER_VALUE)', async () => {
    serve((url) =>
      url.pathname === BACKEND_PATH
        ? json(backend(true))
        : json({ error_code: 'INVALID_PARAMETER_VALUE', message: 'Registered model alias nobody not found.' }, 400),
    );
    renderAlias('nobody');
    expect(await screen.findByRole('heading', { name: 'Alias not found' })).toBeInTheDocument();
  });
});
