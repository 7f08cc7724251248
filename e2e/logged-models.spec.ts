// An experiment's Models tab: its MLflow 3 LoggedModels as logged-models/search lists them on the
// tracking server itself, each opening the model view, searched and sorted by the server.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest, ScenarioManifest } from './harness/populate.ts';
import { ArtifactsPage } from './pages/artifacts-page.ts';
import { expectInert } from './pages/inert-page.ts';
import { LoggedModelsPage } from './pages/logged-models-page.ts';

interface LoggedModelEntry {
  model_id: string;
  name: string;
  source_run_id: string;
  source_run_role: string | null;
}

interface AutologManifest extends ScenarioManifest {
  logged_models: LoggedModelEntry[];
}

const scenario = (manifest: Manifest, name: string) => {
  const found = Object.values(manifest).find((s) => s.experiment_name === name);
  if (!found) throw new Error(`no scenario ${name} in the manifest`);
  return found;
};

interface WireModel {
  info: { model_id: string; name: string; source_run_id?: string };
}

/** Every LoggedModel of the experiment, in the server's own order, asked of the tracking server directly. */
async function serverModels(mlflowUrl: string, experimentId: string, extra: Record<string, unknown> = {}): Promise<WireModel['info'][]> {
  const models: WireModel['info'][] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < 100; page++) {
    const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/logged-models/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ experiment_ids: [experimentId], max_results: 50, page_token: pageToken, ...extra }),
    });
    expect(res.ok, await res.clone().text()).toBe(true);
    const body = (await res.json()) as { models?: WireModel[]; next_page_token?: string };
    models.push(...(body.models ?? []).map((m) => m.info));
    if (!body.next_page_token || !body.models?.length) return models;
    pageToken = body.next_page_token;
  }
  throw new Error('logged-models/search never stopped paging');
}

test("the experiment's Models tab lists its logged models, as logged-models/search does", async ({
  page,
  manifest,
  mlflowUrl,
  pageProblems,
}) => {
  const autolog = scenario(manifest, 'sklearn-autolog') as AutologManifest;
  await page.goto(`/experiments/${autolog.experiment_id}`);
  await waitUntilReady(page);
  const models = new LoggedModelsPage(page);
  await expect(models.tabs.getByRole('link', { name: 'Runs' })).toHaveAttribute('aria-current', 'page');
  await models.tabs.getByRole('link', { name: 'Models' }).click();
  await expect(page).toHaveURL(`/experiments/${autolog.experiment_id}/models`);
  await waitUntilReady(page);
  await expect(models.tabs.getByRole('link', { name: 'Models' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sklearn-autolog');

  // Newest first, as the server orders them.
  const expected = await serverModels(mlflowUrl, autolog.experiment_id, {
    order_by: [{ field_name: 'creation_timestamp', ascending: false }],
  });
  expect(expected.length).toBeGreaterThan(1);
  expect(new Set(expected.map((m) => m.model_id))).toEqual(new Set(autolog.logged_models.map((m) => m.model_id)));
  const rows = await models.rows();
  expect(rows.map(([name, modelId]) => [name, modelId])).toEqual(expected.map((m) => [m.name, m.model_id]));
  await expect(models.status).toHaveText(`${expected.length} models.`);

  // The source run is named (the manifest's roles are the autolog run names).
  const runName: Record<string, string> = { linear_regression: 'linear-regression', pipeline: 'pipeline', grid_parent: 'grid-search-cv' };
  const byId = new Map(autolog.logged_models.map((m) => [m.model_id, m]));
  for (const [, modelId, sourceRun] of rows) expect(sourceRun, modelId).toBe(runName[byId.get(modelId)!.source_run_role!]);
  // A metric the models share has a column of its own.
  await expect(models.table.getByRole('columnheader', { name: 'training_score', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-runlens-errors', '0');
  expect(pageProblems).toEqual([]);
});

test("a model's name opens the model view with its MLmodel flavors", async ({ page, manifest }) => {
  const autolog = scenario(manifest, 'sklearn-autolog') as AutologManifest;
  const best = autolog.logged_models.find((m) => m.name === 'best_estimator')!;
  const models = new LoggedModelsPage(page);
  await models.goto(autolog.experiment_id);
  await models.table.getByRole('link', { name: 'best_estimator', exact: true }).click();
  await expect(page).toHaveURL(
    new RegExp(`/experiments/${autolog.experiment_id}/runs/${best.source_run_id}/artifacts\\?model=${best.model_id}$`),
  );
  await waitUntilReady(page);
  const artifacts = new ArtifactsPage(page);
  await expect(artifacts.detail.getByRole('heading', { name: 'MLflow model' })).toBeVisible();
  expect(await artifacts.rowHeaders(artifacts.table('Flavors'))).toEqual(['python_function', 'sklearn']);
});

test('the search narrows the list on the server, sorting orders it, and both live in the URL', async ({ page, manifest, mlflowUrl }) => {
  const autolog = scenario(manifest, 'sklearn-autolog') as AutologManifest;
  const models = new LoggedModelsPage(page);
  await models.goto(autolog.experiment_id);

  await models.searchFor('BEST');
  expect(await models.names()).toEqual(['best_estimator']);
  await expect(models.status).toHaveText('1 model matching “BEST”.');
  expect(new URL(page.url()).searchParams.get('searchFilter')).toBe('BEST');
  await page.reload();
  await waitUntilReady(page);
  await expect(models.search).toHaveValue('BEST');
  expect(await models.names()).toEqual(['best_estimator']);

  // MLflow's own filter syntax goes to the server as typed.
  const filter = 'metrics.training_score > 0.999';
  await models.searchFor(filter);
  const matching = await serverModels(mlflowUrl, autolog.experiment_id, { filter });
  expect(matching.length).toBeGreaterThan(0);
  expect(matching.length).toBeLessThan(autolog.logged_models.length);
  expect((await models.rows()).map(([, id]) => id).sort()).toEqual(matching.map((m) => m.model_id).sort());

  await models.searchFor('no model is called this');
  await expect(models.status).toHaveText('No model matches “no model is called this”.');
  await expect(models.table).toHaveCount(0);

  await models.searchFor('');
  await models.sortBy('Name');
  await expect(models.table.getByRole('columnheader', { name: 'Name', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  const names = await models.names();
  expect(names).toEqual([...names].sort());
  expect(new URL(page.url()).searchParams.get('orderByKey')).toBe('name');
  await models.sortBy('training_score');
  expect(new URL(page.url()).searchParams.get('orderByKey')).toBe('metrics.training_score');
  const byScore = await serverModels(mlflowUrl, autolog.experiment_id, {
    order_by: [{ field_name: 'metrics.training_score', ascending: false }],
  });
  expect((await models.rows()).map(([, id]) => id)).toEqual(byScore.map((m) => m.model_id));
});

test('a rejected filter is shown beside the search box', async ({ page, manifest }) => {
  const models = new LoggedModelsPage(page);
  await models.goto(scenario(manifest, 'sklearn-autolog').experiment_id);
  await models.searchFor('metrics.training_score >');
  await expect(models.panel.getByRole('alert')).toContainText('Invalid filter string');
  await expect(models.table).toHaveCount(0);
});

test('the Runs tab keeps its URL and its state', async ({ page, manifest }) => {
  const autolog = scenario(manifest, 'sklearn-autolog');
  await page.goto(`/experiments/${autolog.experiment_id}?searchFilter=pipeline`);
  await waitUntilReady(page);
  const models = new LoggedModelsPage(page);
  // Clicking the open tab again keeps the run table's filter.
  await models.tabs.getByRole('link', { name: 'Runs' }).click();
  await waitUntilReady(page);
  expect(new URL(page.url()).searchParams.get('searchFilter')).toBe('pipeline');
  await models.tabs.getByRole('link', { name: 'Models' }).click();
  // The Models tab's code loads lazily: wait for its URL, not only for a quiet page (CI once
  // clicked Runs while the Runs tab was still shown, whose link keeps the table's filter).
  await expect(page).toHaveURL(new RegExp(`/experiments/${autolog.experiment_id}/models`));
  await waitUntilReady(page);
  await models.tabs.getByRole('link', { name: 'Runs' }).click();
  await expect(page).toHaveURL(`/experiments/${autolog.experiment_id}`);
  await waitUntilReady(page);
  await expect(page.getByRole('region', { name: 'Runs' })).toBeVisible();
});

test('a hostile model name is shown as text and runs nothing', async ({ page, manifest, pageProblems }) => {
  const hostile = manifest.hostile as (ScenarioManifest & { logged_models: { model_id: string; name: string }[] }) | undefined;
  if (!hostile) throw new Error('no hostile scenario in the manifest');
  const models = new LoggedModelsPage(page);
  await models.goto(hostile.experiment_id);
  const [model] = hostile.logged_models;
  await expect(models.table.getByRole('link', { name: model!.name, exact: true })).toBeVisible();
  await expect(models.table.locator('img')).toHaveCount(0);
  await expectInert(page, pageProblems);
});

test('axe finds no serious or critical WCAG violation on the Models tab', async ({ page, manifest }) => {
  const models = new LoggedModelsPage(page);
  await models.goto(scenario(manifest, 'sklearn-autolog').experiment_id);
  await expect(models.table).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} — ${node.failureSummary ?? v.help}`));
  expect(serious).toEqual([]);
});
