// Parallel partitioned paging (src/api/run-paging.ts) against the real tracking server: the runs
// it merges from start-time slices are exactly the runs that paging one token after another
// finds, none twice, on every experiment the data scripts logged; and the run table uses it.
import { pageAllRuns, type AskPage, type PageAsk, type PagedRun } from '../src/api/run-paging.ts';
import { expect, test } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import { RunTablePage } from './pages/run-table-page.ts';

interface WireRun {
  info: { run_id: string; run_name: string; start_time?: number | string };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 200)}`);
  }
}

type ViewType = 'ACTIVE_ONLY' | 'ALL';

async function search(mlflowUrl: string, body: Record<string, unknown>): Promise<{ runs: WireRun[]; next_page_token?: string }> {
  const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new HttpError(res.status, await res.text());
  const page = (await res.json()) as { runs?: WireRun[]; next_page_token?: string };
  return { runs: page.runs ?? [], ...(page.next_page_token ? { next_page_token: page.next_page_token } : {}) };
}

/** What the mlflow client does: pages of 1,000, one token after another. */
async function sequentialIds(mlflowUrl: string, experimentId: string, filter: string, viewType: ViewType): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await search(mlflowUrl, {
      experiment_ids: [experimentId],
      filter: filter || undefined,
      run_view_type: viewType,
      max_results: 1000,
      page_token: token,
    });
    ids.push(...page.runs.map((run) => run.info.run_id));
    token = page.runs.length > 0 ? page.next_page_token : undefined;
  } while (token);
  return ids;
}

/** The engine with small pages, so even a 150-run experiment is cut into many slices and split again. */
async function partitionedIds(mlflowUrl: string, experimentId: string, filter: string, viewType: ViewType) {
  const asked: PageAsk[] = [];
  const ask: AskPage<PagedRun> = async (request) => {
    asked.push(request);
    const page = await search(mlflowUrl, {
      experiment_ids: [experimentId],
      filter: request.filter || undefined,
      run_view_type: viewType,
      max_results: request.maxResults,
      order_by: request.orderBy ?? ['attributes.start_time DESC'],
      page_token: request.pageToken,
    });
    return {
      runs: page.runs.map((run) => ({
        runId: run.info.run_id,
        ...(run.info.start_time !== undefined ? { startTime: Number(run.info.start_time) } : {}),
      })),
      next_page_token: page.next_page_token,
    };
  };
  const ids: string[] = [];
  for await (const chunk of pageAllRuns(ask, filter, {
    firstPageSize: 5,
    pageSize: () => 7,
    lanes: 3,
    slices: 4,
    isRejection: (error) => error instanceof HttpError && error.status === 400,
  }))
    ids.push(...chunk.runs.map((run) => run.runId));
  return { ids, asked };
}

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

test('the runs merged from start-time slices are the runs sequential paging finds, none twice, in every logged experiment', async ({
  manifest,
  mlflowUrl,
}) => {
  const experiments = [...new Set(Object.values(manifest).map((s) => s.experiment_id))];
  expect(experiments.length).toBeGreaterThan(5);
  for (const experimentId of experiments)
    for (const viewType of ['ACTIVE_ONLY', 'ALL'] as const) {
      const truth = await sequentialIds(mlflowUrl, experimentId, '', viewType);
      const { ids } = await partitionedIds(mlflowUrl, experimentId, '', viewType);
      expect(new Set(ids).size, `experiment ${experimentId} (${viewType}): no run twice`).toBe(ids.length);
      expect([...ids].sort(), `experiment ${experimentId} (${viewType})`).toEqual([...truth].sort());
    }
});

test('on a 150-run sweep the server answers the slices (no fallback), with and without a filter of its own', async ({
  manifest,
  mlflowUrl,
}) => {
  const many = scenario(manifest, 'many-runs');
  for (const filter of ['', "params.lr = '0.01'", 'metrics.loss > 0.05']) {
    const truth = await sequentialIds(mlflowUrl, many.experiment_id, filter, 'ACTIVE_ONLY');
    const { ids, asked } = await partitionedIds(mlflowUrl, many.experiment_id, filter, 'ACTIVE_ONLY');
    expect(truth.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...truth].sort());
    const sliced = asked.filter((ask) => ask.filter.includes('attributes.start_time <='));
    // Sliced into the first cut of 4 ranges; with 145 runs left in slices of ~36 (pages of 7),
    // split again as lanes came free.
    expect(sliced.length).toBeGreaterThanOrEqual(4);
    if (!filter) expect(sliced.length).toBeGreaterThan(4);
    expect(asked.filter((ask) => ask.pageToken !== undefined && !ask.filter.includes('attributes.start_time <='))).toEqual([]);
    if (filter) expect(sliced.every((ask) => ask.filter.startsWith(`${filter} AND `))).toBe(true);
  }
});

test('the run table loads a large experiment in parallel slices and shows every run once', async ({ page, manifest, mlflowUrl }) => {
  const many = scenario(manifest, 'many-runs');
  const bodies: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/runs/search')) bodies.push(request.postData() ?? '');
  });
  const runs = new RunTablePage(page);
  await runs.goto(many.experiment_id);
  await expect(runs.status).toHaveText('150 runs.');
  const sliced = bodies.filter((body) => body.includes('attributes.start_time <='));
  expect(sliced.length).toBeGreaterThan(1);
  const shown = await runs.allNames();
  const truth = (await search(mlflowUrl, { experiment_ids: [many.experiment_id], max_results: 1000 })).runs;
  expect(shown).toHaveLength(150);
  // Newest first, as the server lists them, each once.
  expect(shown).toEqual(truth.map((run) => run.info.run_name));
});
