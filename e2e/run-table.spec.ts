import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import { RunTablePage } from './pages/run-table-page.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

interface WireRun {
  info: { run_name: string };
  data?: { metrics?: { key: string; value: number }[] };
}

async function serverRunNames(mlflowUrl: string, experimentId: string): Promise<string[]> {
  // The truth, from the tracking server directly.
  const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [experimentId], max_results: 1000 }),
  });
  return ((await res.json()) as { runs?: WireRun[] }).runs?.map((r) => r.info.run_name) ?? [];
}

test('shows every run of the experiment, nested runs included', async ({ page, manifest, mlflowUrl }) => {
  const autolog = scenario(manifest, 'sklearn-autolog');
  const runs = new RunTablePage(page);
  await runs.goto(autolog.experiment_id, '?expandAll=true');
  const expected = await serverRunNames(mlflowUrl, autolog.experiment_id);
  expect(expected).toHaveLength(7);
  expect([...(await runs.names())].sort()).toEqual([...expected].sort());
  await expect(runs.status).toHaveText('7 runs.');
});

test('a deep link with a filter sends its first runs/search page once, at navigation, and shows its rows', async ({ page, manifest }) => {
  const autolog = scenario(manifest, 'sklearn-autolog');
  const searches: { filter?: string; max_results?: number; page_token?: string }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/runs/search') && request.method() === 'POST') searches.push(request.postDataJSON());
  });
  const runs = new RunTablePage(page);
  await runs.goto(autolog.experiment_id, '?searchFilter=grid&lifecycleFilter=all');
  await expect.poll(() => runs.names()).toEqual(['grid-search-cv']);
  // Primed by main.tsx and taken by the route's loader: the server sees the first page once.
  const firstPages = searches.filter((body) => !body.page_token);
  expect(firstPages).toEqual([expect.objectContaining({ filter: "attributes.run_name ILIKE '%grid%'", max_results: 50 })]);
});

test('the GridSearchCV parent holds its 4 children, collapsed until expanded', async ({ page, manifest }) => {
  const autolog = scenario(manifest, 'sklearn-autolog');
  const runs = new RunTablePage(page);
  await runs.goto(autolog.experiment_id);
  expect(await runs.names()).toEqual(expect.arrayContaining(['grid-search-cv', 'pipeline', 'linear-regression']));
  expect(await runs.names()).toHaveLength(3);
  await expect(runs.row('grid-search-cv')).toContainText('4 children');

  await page.getByRole('button', { name: 'Expand grid-search-cv' }).click();
  await expect.poll(() => runs.names().then((n) => n.length)).toBe(7);
  const names = await runs.names();
  // The children sit right below their parent.
  const parentAt = names.indexOf('grid-search-cv');
  const children = names.slice(parentAt + 1, parentAt + 5);
  expect(children).toHaveLength(4);
  // They are the four runs MLflow holds as the parent's children (mlflow.parentRunId).
  const ids = await Promise.all(
    children.map(
      async (child) => (await runs.row(child).getByRole('rowheader').getByRole('link').first().getAttribute('href'))!.split('/runs/')[1],
    ),
  );
  expect([...ids].sort()).toEqual([...(autolog.runs.grid_children as string[])].sort());
  await expect(runs.row(children[0]!).getByRole('gridcell').nth(0)).toHaveText('Finished');
});

test('sorts by a metric, NaN and missing last, children sorted within their parent', async ({ page, manifest }) => {
  // sort-cases: top-level low 0.3, parent 0.5, high 0.9, nan-score NaN, no-score (never logged);
  // the parent's children child-low 0.1, child-high 0.8, child-nan NaN.
  const cases = scenario(manifest, 'sort-cases');
  const runs = new RunTablePage(page);
  await runs.goto(cases.experiment_id, '?expandAll=true');
  const header = runs.header('score');
  const expected = {
    ascending: ['low', 'parent', 'child-low', 'child-high', 'child-nan', 'high'],
    descending: ['high', 'parent', 'child-high', 'child-low', 'child-nan', 'low'],
  };
  const check = async () => {
    const direction = (await header.getAttribute('aria-sort')) as 'ascending' | 'descending';
    expect(['ascending', 'descending']).toContain(direction);
    const names = await runs.names();
    // Numbers in order with each parent's children right under it, sorted the same way and
    // their own NaN last; then the top level's NaN and missing values, in either order.
    expect(names.slice(0, 6), direction).toEqual(expected[direction]);
    expect([...names.slice(6)].sort(), direction).toEqual(['nan-score', 'no-score']);
    expect(new URL(page.url()).searchParams.get('orderByKey')).toBe('metrics.score');
    // Descending is the default, left out of the URL.
    expect(new URL(page.url()).searchParams.get('orderByAsc') ?? 'false').toBe(String(direction === 'ascending'));
    return { direction, names };
  };

  await runs.sortBy('score');
  const first = await check();
  // Sorting again turns the direction round; NaN and missing stay last.
  await runs.sortBy('score');
  const second = await check();
  expect(second.direction).not.toBe(first.direction);

  // The same sort, reloaded from the URL, gives the same table.
  await page.reload();
  await waitUntilReady(page);
  expect(await runs.names()).toEqual(second.names);
});

test('a filter is evaluated by the server; plain text searches run names', async ({ page, manifest }) => {
  const max = scenario(manifest, 'compare_max_depth');
  const runs = new RunTablePage(page);
  await runs.goto(max.experiment_id);
  await runs.runSearch('params.max_depth = "4"');
  await expect.poll(() => runs.names()).toEqual(['max_depth=4']);
  await expect(runs.status).toHaveText('1 run.');
  expect(new URL(page.url()).searchParams.get('searchFilter')).toBe('params.max_depth = "4"');

  // Plain words (no operator) search run names, case-insensitively.
  await runs.goto(scenario(manifest, 'sklearn-autolog').experiment_id);
  await runs.runSearch('PIPE');
  await expect.poll(() => runs.names()).toEqual(['pipeline']);
});

test('an invalid filter shows the server’s message beside the box', async ({ page, manifest }) => {
  const max = scenario(manifest, 'compare_max_depth');
  const runs = new RunTablePage(page);
  await runs.goto(max.experiment_id);
  await runs.runSearch('metrics.accuracy >>> 1');
  const message = page.locator('#run-filter-error');
  await expect(message).toBeVisible();
  await expect(message).toContainText(/invalid|error|syntax/i);
  await expect(runs.search).toHaveAttribute('aria-invalid', 'true');
  await expect(runs.search).toHaveValue('metrics.accuracy >>> 1');
});

test('a filtered child keeps its ancestors as context, three levels deep', async ({ page, manifest }) => {
  const edge = scenario(manifest, 'edge cases <b>bold</b> & "quotes" 汉字');
  const runs = new RunTablePage(page);
  await runs.goto(edge.experiment_id, '?expandAll=true');
  expect(await runs.names()).toEqual(expect.arrayContaining(['grandparent', 'parent', 'child']));
  const names = await runs.names();
  expect(names.indexOf('parent')).toBe(names.indexOf('grandparent') + 1);
  expect(names.indexOf('child')).toBe(names.indexOf('parent') + 1);

  await runs.runSearch('child');
  await expect.poll(() => runs.names()).toEqual(['grandparent', 'parent', 'child']);
  await expect(runs.row('grandparent').getByText('context')).toBeVisible();
  await expect(runs.row('parent').getByText('context')).toBeVisible();
  await expect(runs.row('child').getByText('context')).toHaveCount(0);
});

test('collapsing one parent under "Expand all" keeps the others open, and the link keeps that', async ({ page, manifest }) => {
  const edge = scenario(manifest, 'edge cases <b>bold</b> & "quotes" 汉字');
  const runs = new RunTablePage(page);
  await runs.goto(edge.experiment_id, '?expandAll=true');
  await expect(runs.row('child')).toBeVisible();
  await page.getByRole('button', { name: 'Collapse parent', exact: true }).click();
  await expect(runs.row('child')).toHaveCount(0);
  await expect(runs.row('parent')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Expand all' })).not.toBeChecked();

  await page.reload();
  await runs.waitUntilReady();
  await expect(runs.row('parent')).toBeVisible();
  await expect(runs.row('child')).toHaveCount(0);
  await page.getByRole('button', { name: 'Expand parent', exact: true }).click();
  await expect(runs.row('child')).toBeVisible();
});

test('hostile names and bad metric values render as text', async ({ page, manifest, pageProblems }) => {
  const edge = scenario(manifest, 'edge cases <b>bold</b> & "quotes" 汉字');
  const runs = new RunTablePage(page);
  await runs.goto(edge.experiment_id);
  const hostile = '<img src=x onerror=alert(1)>';
  await expect(runs.row(hostile)).toBeVisible();
  await expect(runs.table.locator('img, svg')).toHaveCount(0);
  expect(await runs.cell(hostile, 'nan_metric')).toBe('NaN');
  expect(await runs.cell(hostile, 'pos_inf')).toBe('∞');
  expect(await runs.cell(hostile, 'neg_inf')).toBe('-∞');
  expect(pageProblems).toEqual([]);
});

test('FAILED and RUNNING runs are labelled; a running run has a duration, never NaN', async ({ page, manifest }) => {
  const dynamics = scenario(manifest, 'training-dynamics');
  const runs = new RunTablePage(page);
  await runs.goto(dynamics.experiment_id);
  expect(await runs.cell('failed-run', 'Status')).toBe('Failed');
  expect(await runs.cell('still-running', 'Status')).toBe('Running');
  expect(await runs.cell('long-history', 'Status')).toBe('Finished');
  expect(await runs.cell('still-running', 'Duration')).toMatch(/^\d/);
  expect(await runs.cell('long-history', 'loss')).toMatch(/^\d/);
});

test('pages through more runs than one request returns, and sorts across pages', async ({ page, manifest, mlflowUrl }) => {
  const many = scenario(manifest, 'many-runs');
  const runs = new RunTablePage(page);
  await runs.goto(many.experiment_id, '?orderByKey=metrics.loss&orderByAsc=true');
  await expect(runs.status).toHaveText('150 runs.');
  // The truth, sorted by the server over all 150 runs.
  const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      experiment_ids: [many.experiment_id],
      max_results: 1000,
      order_by: ['metrics.loss ASC', 'attributes.run_name ASC'],
    }),
  });
  const truth = ((await res.json()) as { runs: WireRun[] }).runs;
  expect(truth).toHaveLength(150);
  const lossOf = new Map(truth.map((r) => [r.info.run_name, r.data?.metrics?.find((m) => m.key === 'loss')?.value]));
  // 150 runs and the two header rows.
  await expect(runs.table).toHaveAttribute('aria-rowcount', '152');
  // Every row, the later pages' included, each once, in the server's order of loss (runs with
  // equal losses may come in either order).
  const shown = await runs.allNames();
  expect([...shown].sort()).toEqual(truth.map((r) => r.info.run_name).sort());
  expect(shown.map((name) => lossOf.get(name))).toEqual(truth.map((r) => r.data?.metrics?.find((m) => m.key === 'loss')?.value));
});
