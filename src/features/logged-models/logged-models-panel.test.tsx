import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import captured from '@/api/__fixtures__/logged-models-search-experiment.mlflow-3.17.2.json';
import { LoggedModelsPanel } from './logged-models-panel.tsx';
import { BACKEND_PATH } from '../../../contract/runlens-http.ts';

afterEach(() => vi.unstubAllGlobals());

type Handler = (path: string, body: Record<string, unknown> | undefined) => Response;

function serve(handler: Handler) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    return handler(new URL(url, 'http://runlens').pathname, body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status });
const backend = (loggedModels: boolean) => ({
  kind: 'mlflow',
  name: loggedModels ? 'MLflow 3.17.2' : 'MLflow 2.22.1',
  version: loggedModels ? '3.17.2' : '2.22.1',
  artifactDownload: 'get-artifact',
  loggedModels,
  registry: true,
});

function Search() {
  return <pre data-testid="search">{useLocation().search}</pre>;
}

function renderPanel(search = '') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/experiments/1/models${search}`]}>
        <LoggedModelsPanel experimentId="1" />
        <Search />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('LoggedModelsPanel', () => {
  it("lists the experiment's models with their source runs, metrics and params (sklearn-autolog, MLflow 3.17.2)", async () => {
    const runNames: Record<string, string> = {
      '0af6d37deca2440c884b93ddd9e68a52': 'grid-search-cv',
      f1f4f81e20dd4dbaa2a29f56217f7da0: 'pipeline',
      '59a5976ebe444534822bb5b22a801737': 'linear-regression',
    };
    const fetchMock = serve((path, body) => {
      if (path === BACKEND_PATH) return json(backend(true));
      if (path.endsWith('/logged-models/search')) return json(captured);
      if (path.endsWith('/runs/search'))
        return json({ runs: Object.entries(runNames).map(([run_id, run_name]) => ({ info: { run_id, run_name, experiment_id: '1' } })) });
      throw new Error(`unexpected ${path} ${JSON.stringify(body)}`);
    });
    renderPanel();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(2);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['best_estimator', 'model', 'model', 'model']);
    expect(screen.getByRole('status')).toHaveTextContent('4 models.');
    // The name opens the model view: the source run's artifacts showing this LoggedModel.
    expect(within(rows[0]!).getByRole('link', { name: 'best_estimator' })).toHaveAttribute(
      'href',
      '/experiments/1/runs/0af6d37deca2440c884b93ddd9e68a52/artifacts?model=m-185aaf95459b48debb5341be6c3d70b0',
    );
    expect(await within(rows[0]!).findByRole('link', { name: 'grid-search-cv' })).toHaveAttribute(
      'href',
      '/experiments/1/runs/0af6d37deca2440c884b93ddd9e68a52',
    );
    // training_score is shared by three models, so it has a column; the estimator's 24 params do not all fit.
    expect(within(table).getByRole('columnheader', { name: 'training_score' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /more params/ })).toBeInTheDocument();
    // The three source runs' names come in one runs/search (deleted runs too).
    const [, namesCall] = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/runs/search'))!;
    expect(JSON.parse(String(namesCall!.body))).toMatchObject({
      experiment_ids: ['1'],
      run_view_type: 'ALL',
      filter:
        "attributes.run_id IN ('0af6d37deca2440c884b93ddd9e68a52', '59a5976ebe444534822bb5b22a801737', 'f1f4f81e20dd4dbaa2a29f56217f7da0')",
    });
    const [, searchCall] = fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/logged-models/search'))[0]!;
    expect(JSON.parse(String(searchCall!.body))).toMatchObject({
      experiment_ids: ['1'],
      order_by: [{ field_name: 'creation_timestamp', ascending: false }],
      max_results: 50,
    });
  });

  it('sends the filter and a clicked column as the order, and keeps both in the URL', async () => {
    const bodies: Record<string, unknown>[] = [];
    serve((path, body) => {
      if (path === BACKEND_PATH) return json(backend(true));
      if (path.endsWith('/runs/search')) return json({ runs: [] });
      bodies.push(body!);
      return json(captured);
    });
    renderPanel();
    await screen.findByRole('table');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search models' }), 'best{Enter}');
    await screen.findByText(/matching “best”/);
    await userEvent.click(screen.getByRole('button', { name: 'training_score' }));
    await vi.waitFor(() => expect(bodies.at(-1)).toMatchObject({ order_by: [{ field_name: 'metrics.training_score', ascending: false }] }));
    expect(bodies.at(-1)).toMatchObject({ filter: "name ILIKE '%best%'" });
    expect(new URLSearchParams(screen.getByTestId('search').textContent!).get('orderByKey')).toBe('metrics.training_score');
    expect(new URLSearchParams(screen.getByTestId('search').textContent!).get('searchFilter')).toBe('best');
  });

  it('shows a rejected filter beside the box', async () => {
    serve((path) => {
      if (path === BACKEND_PATH) return json(backend(true));
      return json({ error_code: 'INVALID_PARAMETER_VALUE', message: "Invalid filter string: 'foo = '" }, 400);
    });
    renderPanel('?searchFilter=foo%20%3D');
    expect(await screen.findByRole('alert')).toHaveTextContent("Invalid filter string: 'foo = '");
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so, without an error, when the server keeps no logged models', async () => {
    const fetchMock = serve((path) => {
      if (path === BACKEND_PATH) return json(backend(false));
      throw new Error('no other request expected');
    });
    renderPanel();
    expect(await screen.findByRole('note')).toHaveTextContent('MLflow 2.22.1 keeps no logged models');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fetchMock.mock.calls.every(([url]) => String(url) === BACKEND_PATH)).toBe(true);
  });

  it('reads a 404 from the endpoint as a server without logged models', async () => {
    serve((path) => {
      if (path === BACKEND_PATH) return json({ error_code: 'X', message: 'probe failed' }, 500);
      return json({ error_code: 'ENDPOINT_NOT_FOUND', message: 'No such endpoint' }, 404);
    });
    renderPanel();
    expect(await screen.findByRole('note')).toHaveTextContent('This tracking server keeps no logged models');
  });
});
