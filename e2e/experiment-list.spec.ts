import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import { ExperimentListPage } from './pages/experiment-list-page.ts';
import { expectInert } from './pages/inert-page.ts';

// Experiment names the data scripts (e2e/data/scenarios) create.
const SEED_EXPERIMENTS = [
  'quickstart',
  'sklearn-autolog',
  'elasticnet-diabetes',
  'compare_max_depth',
  'kubeflow-svc',
  'training-dynamics',
  'edge cases <b>bold</b> & "quotes" 汉字',
];
const DELETED_EXPERIMENT = 'scratch-deleted';

interface WireExperiment {
  experiment_id: string;
  name: string;
  lifecycle_stage: string;
}

async function serverExperiments(mlflowUrl: string, viewType: 'ACTIVE_ONLY' | 'ALL'): Promise<WireExperiment[]> {
  // The truth, asked of the tracking server directly (not through Runlens).
  const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/experiments/search?max_results=50000&view_type=${viewType}`);
  return ((await res.json()) as { experiments: WireExperiment[] }).experiments;
}

test('lists every experiment on the server, and only those', async ({ page, mlflowUrl, pageProblems }) => {
  const list = new ExperimentListPage(page);
  await list.goto();
  const expected = (await serverExperiments(mlflowUrl, 'ACTIVE_ONLY')).map((e) => e.name);
  expect(expected).toEqual(expect.arrayContaining(SEED_EXPERIMENTS));

  const shown = await list.names();
  expect([...shown].sort()).toEqual([...expected].sort());
  expect(shown).not.toContain(DELETED_EXPERIMENT);
  await expect(list.status).toHaveText(`${expected.length} experiments.`);
  expect(pageProblems).toEqual([]);
});

test('follows every page of experiments/search, not only the first', async ({ page, mlflowUrl }) => {
  // Shrink the page size on the wire so the real server pages with real tokens.
  const requests: string[] = [];
  await page.route('**/mlflow/api/2.0/mlflow/experiments/search?*', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('max_results', '2');
    requests.push(url.search);
    return route.continue({ url: url.toString() });
  });
  const list = new ExperimentListPage(page);
  await list.goto();
  const expected = (await serverExperiments(mlflowUrl, 'ACTIVE_ONLY')).map((e) => e.name);
  expect([...(await list.names())].sort()).toEqual([...expected].sort());
  expect(requests.length).toBeGreaterThanOrEqual(Math.ceil(expected.length / 2));
  expect(requests.filter((search) => search.includes('page_token=')).length).toBeGreaterThan(0);
});

test('shows experiment details: id, times, description and user tags', async ({ page, manifest }) => {
  const list = new ExperimentListPage(page);
  await list.goto();
  const quickstart = Object.values(manifest).find((s) => s.experiment_name === 'quickstart')!;
  const row = list.row('quickstart');
  await expect(row.getByRole('cell').nth(0)).toHaveText(quickstart.experiment_id);
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  const edge = list.row('edge cases <b>bold</b> & "quotes" 汉字');
  // The description is Markdown: **bad data** is bold, the <script> text stays text.
  await expect(edge).toContainText('Runs with bad data: NaN, Infinity, <script>alert(1)</script>');
  await expect(edge.getByRole('list', { name: 'Tags' })).toContainText('team: robustness');
});

test('the deleted toggle shows deleted experiments with a badge, and survives a reload', async ({ page }) => {
  const list = new ExperimentListPage(page);
  await list.goto();
  await expect(list.row(DELETED_EXPERIMENT)).toHaveCount(0);

  await list.showDeleted.check();
  await waitUntilReady(page);
  await expect(list.row(DELETED_EXPERIMENT)).toBeVisible();
  await expect(list.row(DELETED_EXPERIMENT).getByText('Deleted', { exact: true })).toBeVisible();
  await expect(list.row('quickstart').getByText('Deleted', { exact: true })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('lifecycleFilter')).toBe('all');

  await page.reload();
  await waitUntilReady(page);
  await expect(list.showDeleted).toBeChecked();
  await expect(list.row(DELETED_EXPERIMENT)).toBeVisible();

  await list.showDeleted.uncheck();
  await waitUntilReady(page);
  await expect(list.row(DELETED_EXPERIMENT)).toHaveCount(0);
});

test('filters by name instantly, case-insensitively, and keeps the filter in the URL', async ({ page }) => {
  const list = new ExperimentListPage(page);
  await list.goto();
  await list.filter.fill('SKLEARN');
  await expect.poll(() => list.names()).toEqual(['sklearn-autolog']);
  await expect(list.status).toHaveText(/^1 of \d+ experiments match\.$/);
  expect(new URL(page.url()).searchParams.get('searchFilter')).toBe('SKLEARN');

  await page.reload();
  await waitUntilReady(page);
  await expect(list.filter).toHaveValue('SKLEARN');
  expect(await list.names()).toEqual(['sklearn-autolog']);

  await list.filter.fill('no experiment is called this');
  await expect(page.getByText('No experiment name contains “no experiment is called this”.')).toBeVisible();
});

test('sorts by a column both ways', async ({ page }) => {
  const list = new ExperimentListPage(page);
  await list.goto();
  await list.sortBy('Name');
  await expect(list.table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await list.names();
  const at = (name: string) => ascending.indexOf(name);
  expect(at('compare_max_depth')).toBeLessThan(at('quickstart'));
  expect(at('quickstart')).toBeLessThan(at('training-dynamics'));
  expect(new URL(page.url()).searchParams.get('orderByKey')).toBe('name');

  await list.sortBy('Name');
  await expect(list.table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  expect(await list.names()).toEqual([...ascending].reverse());
});

test('a hostile experiment name is shown as text and runs nothing', async ({ page, pageProblems }) => {
  const list = new ExperimentListPage(page);
  await list.goto();
  await expect(page.getByRole('link', { name: 'edge cases <b>bold</b> & "quotes" 汉字', exact: true })).toBeVisible();
  await expect(list.table.locator('b, script')).toHaveCount(0);
  expect(pageProblems).toEqual([]);
});

test('names the tracking server in the title and header', async ({ page, mlflowUrl }) => {
  const list = new ExperimentListPage(page);
  await list.goto();
  const version = (await (await fetch(`${mlflowUrl}/version`)).text()).trim();
  await expect(page).toHaveTitle(`Experiments · ${new URL(mlflowUrl).host} · Runlens`);
  const banner = page.getByRole('banner');
  await expect(banner).toContainText(mlflowUrl);
  await expect(banner).toContainText(`MLflow ${version}`);
});

test('an experiment name links to its page, and back', async ({ page, manifest }) => {
  const list = new ExperimentListPage(page);
  await list.goto();
  const quickstart = Object.values(manifest).find((s) => s.experiment_name === 'quickstart')!;
  await list.row('quickstart').getByRole('link', { name: 'quickstart', exact: true }).click();
  await expect(page).toHaveURL(`/experiments/${quickstart.experiment_id}`);
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('quickstart');
  await expect(page.getByRole('definition').first()).toHaveText(quickstart.experiment_id);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Experiments' }).click();
  await expect(list.heading).toBeVisible();
});

test('a deep link to a deleted experiment shows it with a badge; an unknown id says not found', async ({ page, mlflowUrl }) => {
  const deleted = (await serverExperiments(mlflowUrl, 'ALL')).find((e) => e.name === DELETED_EXPERIMENT)!;
  await page.goto(`/experiments/${deleted.experiment_id}`);
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DELETED_EXPERIMENT);
  await expect(page.getByRole('heading', { level: 1 }).getByText('Deleted', { exact: true })).toBeVisible();

  await page.goto('/experiments/987654321987654321');
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { name: 'Experiment not found' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('987654321987654321');
});

const scenario = (manifest: Manifest, name: string) => {
  const found = Object.values(manifest).find((s) => s.experiment_name === name);
  if (!found) throw new Error(`no scenario ${name} in the manifest`);
  return found;
};

/** The experiment's active runs as the tracking server counts them: every page of runs/search. */
async function serverRunCount(mlflowUrl: string, experimentId: string): Promise<number> {
  let total = 0;
  let pageToken: string | undefined;
  for (let page = 0; page < 100; page++) {
    const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ experiment_ids: [experimentId], run_view_type: 'ACTIVE_ONLY', max_results: 1000, page_token: pageToken }),
    });
    const body = (await res.json()) as { runs?: unknown[]; next_page_token?: string };
    total += body.runs?.length ?? 0;
    if (!body.next_page_token || !body.runs?.length) return total;
    pageToken = body.next_page_token;
  }
  throw new Error('runs/search never stopped paging');
}

test("each experiment's run count is what paging runs/search counts, beside its last run's start", async ({
  page,
  manifest,
  mlflowUrl,
  pageProblems,
}) => {
  const list = new ExperimentListPage(page);
  await list.goto();
  // many-runs has 150 runs (more than one page of the run table); sklearn-autolog nests 4 children under a parent.
  for (const name of ['quickstart', 'sklearn-autolog', 'many-runs']) {
    const expected = await serverRunCount(mlflowUrl, scenario(manifest, name).experiment_id);
    expect(expected, name).toBeGreaterThan(0);
    await expect(await list.cell(name, 'Runs'), name).toHaveText(expected.toLocaleString('en-US'));
    await expect(await list.cell(name, 'Last run'), name).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  }
  expect(await serverRunCount(mlflowUrl, scenario(manifest, 'many-runs').experiment_id)).toBe(scenario(manifest, 'many-runs')['run_count']);
  // Every row's count settled, and none failed.
  await expect(page.locator('html')).toHaveAttribute('data-runlens-errors', '0');
  expect(pageProblems).toEqual([]);
});

test('an experiment description is formatted Markdown, in the list and on its page', async ({ page, manifest }) => {
  const list = new ExperimentListPage(page);
  await list.goto();
  const edge = list.row('edge cases <b>bold</b> & "quotes" 汉字');
  await expect(edge.locator('.cell-description strong')).toHaveText('bad data');
  await expect(list.table.locator('script, b')).toHaveCount(0);

  const quickstart = scenario(manifest, 'quickstart');
  await page.goto(`/experiments/${quickstart.experiment_id}`);
  await waitUntilReady(page);
  // "The MLflow quickstart: `param1`, the metric `foo` logged three times and `outputs/test.txt`."
  const description = page.getByRole('definition').filter({ hasText: 'The MLflow quickstart' });
  await expect(description.locator('code')).toHaveText(['param1', 'foo', 'outputs/test.txt']);
  await expect(description).not.toContainText('`');
});

test("a hostile experiment description is shown as text on the experiment's page, and runs nothing", async ({
  page,
  manifest,
  pageProblems,
}) => {
  const hostile = manifest.hostile as { experiment_id: string; experiment_tags: Record<string, string> } | undefined;
  if (!hostile) throw new Error('no hostile scenario in the manifest');
  await page.goto(`/experiments/${hostile.experiment_id}`);
  await waitUntilReady(page);
  const description = page.getByRole('definition').filter({ hasText: 'hostile** description' });
  // A line that starts with <script> is an HTML block in Markdown: shown as the text it is, ** and all.
  await expect(description).toContainText(`<script>window.__pwned='experiment-description'</script> **hostile** description`);
  await expect(description).toContainText(`<img src=x onerror="window.__pwned='experiment-description-html'">`);
  // [x](javascript:…) keeps its text and loses its link.
  await expect(description.getByText('x', { exact: true })).toBeVisible();
  await expect(description.getByRole('link')).toHaveCount(0);
  await expect(description.locator('script, img')).toHaveCount(0);
  await expectInert(page, pageProblems);
});
