// The run page against the real server: header, overview, parent/children, bad data.
import { expect, test } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import { RunPageObject } from './pages/run-page.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;
const runOf = (manifest: Manifest, name: string, role: string) => scenario(manifest, name).runs[role] as string;

test('the quickstart run: overview, source with its commit link, params, metrics with steps', async ({ page, manifest }) => {
  const quickstart = scenario(manifest, 'quickstart');
  const run = new RunPageObject(page);
  await run.goto(quickstart.experiment_id, runOf(manifest, 'quickstart', 'quickstart'));
  await expect(run.heading()).toContainText('quickstart');
  await expect(run.heading()).toContainText('Finished');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'quickstart' })).toHaveAttribute(
    'href',
    `/experiments/${quickstart.experiment_id}`,
  );
  await expect(page.getByRole('link', { name: '9ea8b5e1ab' })).toHaveAttribute(
    'href',
    'https://github.com/mlflow/mlflow/commit/9ea8b5e1ab3c5f1a2a8f5b6a8b3f0c9d7e6a5b4c',
  );
  await expect(page.getByText('entry point main')).toBeVisible();
  await expect(run.section('Parameters').getByRole('row', { name: /param1/ })).toBeVisible();
  // foo was logged 3 times: latest, min, max and the step count come from its full history.
  const foo = run.section('Metrics').getByRole('row', { name: /foo/ });
  await expect(foo.getByRole('cell').nth(3)).toHaveText('3');
  const history = quickstart.foo_history as { value: number }[];
  const values = history.map((p) => p.value);
  await expect(foo.getByRole('cell').nth(1)).toHaveText(String(Number(Math.min(...values).toPrecision(6))));
  await expect(run.section('System tags')).toContainText('mlflow.source.git.commit');
  await expect(run.section('Tags')).not.toContainText('mlflow.source.git.commit');
});

test('the GridSearchCV parent lists its children, and a child links back to it', async ({ page, manifest }) => {
  const autolog = scenario(manifest, 'sklearn-autolog');
  const run = new RunPageObject(page);
  await run.goto(autolog.experiment_id, runOf(manifest, 'sklearn-autolog', 'grid_parent'));
  const children = page.getByRole('navigation', { name: 'Child runs' }).getByRole('link');
  await expect(children).toHaveCount(4);
  // The four runs MLflow holds as its children.
  const hrefs = await children.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(hrefs.map((href) => href.split('/runs/')[1]).sort()).toEqual([...(autolog.runs.grid_children as string[])].sort());
  await children.first().click();
  await expect(page).toHaveURL(/\/runs\//);
  await run.heading().waitFor();
  await page.getByRole('link', { name: 'Parent run grid-search-cv' }).click();
  await expect(run.heading()).toContainText('grid-search-cv');
});

test('bad data renders: NaN metrics, a hostile name and a note with HTML and a script', async ({ page, manifest, pageProblems }) => {
  const edge = scenario(manifest, 'edge cases <b>bold</b> & "quotes" 汉字');
  const run = new RunPageObject(page);
  await run.goto(edge.experiment_id, runOf(manifest, 'edge cases <b>bold</b> & "quotes" 汉字', 'hostile'));
  await expect(run.heading()).toContainText('<img src=x onerror=alert(1)>');
  await expect(
    run
      .section('Metrics')
      .getByRole('row', { name: /nan_metric/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('NaN');
  await expect(
    run
      .section('Metrics')
      .getByRole('row', { name: /pos_inf/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('∞');
  const description = run.section('Description');
  await expect(description.locator('strong')).toHaveText('notes');
  await expect(page.locator('main img, main script')).toHaveCount(0);
  expect(pageProblems).toEqual([]);
});

test('a deleted run shows a badge; an unknown run id says not found', async ({ page, manifest }) => {
  const max = scenario(manifest, 'compare_max_depth');
  const run = new RunPageObject(page);
  await run.goto(max.experiment_id, runOf(manifest, 'compare_max_depth', 'deleted_run'));
  await expect(run.heading()).toContainText('Deleted');
  await run.goto(max.experiment_id, '0123456789abcdef0123456789abcdef');
  await expect(page.getByRole('heading', { name: 'Run not found' })).toBeVisible();
});
