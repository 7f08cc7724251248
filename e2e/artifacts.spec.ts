import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest, ScenarioManifest } from './harness/populate.ts';
import { ArtifactsPage } from './pages/artifacts-page.ts';

const scenario = (manifest: Manifest, module: string): ScenarioManifest => {
  const found = manifest[module];
  if (!found) throw new Error(`no scenario ${module} in the manifest`);
  return found;
};
const runId = (s: ScenarioManifest, role: string) => s.runs[role] as string;

interface LoggedModelEntry {
  model_id: string;
  name: string;
  source_run_role: string | null;
}
const loggedModel = (s: ScenarioManifest, role: string, name: string) =>
  (s.logged_models as LoggedModelEntry[]).find((m) => m.source_run_role === role && m.name === name)!;

const DIABETES_COLUMNS = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];
const IRIS_COLUMNS = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];

test('seed 000: the autolog model (a LoggedModel) is listed under the run and shows the sklearn flavor', async ({ page, manifest }) => {
  const autolog = scenario(manifest, 'sklearn_autolog');
  const artifacts = new ArtifactsPage(page);
  await artifacts.goto(autolog.experiment_id, runId(autolog, 'linear_regression'));
  await expect(artifacts.tree.getByRole('link', { name: 'estimator.html' })).toBeVisible();
  await artifacts.open('model');
  await expect(page).toHaveURL(new RegExp(`model=${loggedModel(autolog, 'linear_regression', 'model').model_id}`));
  await expect(artifacts.detail.getByRole('heading', { name: 'MLflow model' })).toBeVisible();
  const flavors = artifacts.table('Flavors');
  expect(await artifacts.rowHeaders(flavors)).toEqual(['python_function', 'sklearn']);
  await expect(flavors.getByRole('row', { name: /sklearn/ }).last()).toContainText('cloudpickle');
  await expect(artifacts.detail).toContainText(`models:/${loggedModel(autolog, 'linear_regression', 'model').model_id}`);
});

test('seed 002: sk_model shows the signature columns and the input example as a table under those names', async ({ page, manifest }) => {
  const elasticnet = scenario(manifest, 'elasticnet_diabetes');
  const artifacts = new ArtifactsPage(page);
  await artifacts.goto(elasticnet.experiment_id, runId(elasticnet, 'elasticnet'));
  await expect(artifacts.tree).toContainText('No artifacts');
  await artifacts.open('sk_model');
  expect(await artifacts.rowHeaders(artifacts.table('Signature inputs'))).toEqual(DIABETES_COLUMNS);
  await expect(artifacts.table('Signature outputs')).toContainText('(any)');
  expect(await artifacts.columnHeaders(artifacts.table('Input example'))).toEqual(DIABETES_COLUMNS);
  await expect(artifacts.table('Flavors')).toContainText('skops');
  await expect(artifacts.detail.getByRole('region', { name: 'Serving request body' })).toContainText('dataframe_split');
  await expect(artifacts.detail.getByRole('region', { name: 'requirements.txt' })).toContainText('skops==');
  await expect(artifacts.detail.getByText(/mlflow models serve -m models:\/m-/)).toBeVisible();
  await expect(artifacts.detail.getByText(/curl http:\/\/127\.0\.0\.1:5001\/invocations/)).toBeVisible();
});

test('seed 004: the svc/ folder uploaded with log_artifact is recognised as a model', async ({ page, manifest, mlflowUrl }) => {
  const kubeflow = scenario(manifest, 'kubeflow_svc');
  const artifacts = new ArtifactsPage(page);
  await artifacts.goto(kubeflow.experiment_id, runId(kubeflow, 'svc_upload'));
  await artifacts.open('svc/');
  await expect(artifacts.detail.getByRole('heading', { name: 'MLflow model' })).toBeVisible();
  expect(await artifacts.rowHeaders(artifacts.table('Flavors'))).toEqual(['python_function', 'sklearn']);
  expect(await artifacts.columnHeaders(artifacts.table('Input example'))).toEqual(IRIS_COLUMNS);
  await expect(artifacts.detail.getByText(`mlflow models serve -m runs:/${runId(kubeflow, 'svc_upload')}/svc --port 5001`)).toBeVisible();
  // The tree opened the folder; its listing gives each file's size, as the server holds it.
  await expect(artifacts.tree.getByRole('link', { name: 'model.pkl' })).toBeVisible();
  const listing = await fetch(`${mlflowUrl}/api/2.0/mlflow/artifacts/list?run_id=${runId(kubeflow, 'svc_upload')}&path=svc`);
  const bytes = Number(
    ((await listing.json()) as { files: { path: string; file_size?: number }[] }).files.find((f) => f.path === 'svc/model.pkl')!.file_size,
  );
  const sizeCell = artifacts.detail
    .getByRole('region', { name: 'Files in svc' })
    .getByRole('row', { name: /model\.pkl/ })
    .getByRole('cell')
    .nth(1);
  const [, amount, unit] = /^([\d.]+) (B|KB|MB)$/.exec(await sizeCell.innerText()) ?? [];
  const shownBytes = Number(amount) * { B: 1, KB: 1024, MB: 1024 ** 2 }[unit as 'B' | 'KB' | 'MB'];
  // Rounded to one decimal (or a whole number from 10 up) of its unit.
  expect(Math.abs(shownBytes - bytes) / bytes).toBeLessThan(0.05);
});

test('cv_results.csv renders as a table and the confusion matrix PNG as an image', async ({ page, manifest }) => {
  const autolog = scenario(manifest, 'sklearn_autolog');
  const artifacts = new ArtifactsPage(page);
  await artifacts.goto(autolog.experiment_id, runId(autolog, 'grid_parent'), 'cv_results.csv');
  const table = artifacts.table('Contents of cv_results.csv');
  expect(await artifacts.columnHeaders(table)).toEqual(
    expect.arrayContaining(['mean_fit_time', 'param_C', 'param_kernel', 'mean_test_score']),
  );
  await expect(table.locator('tbody tr')).toHaveCount(4);

  await artifacts.open('training_confusion_matrix.png');
  const image = artifacts.detail.getByRole('img', { name: 'training_confusion_matrix.png' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await expect(artifacts.detail.getByRole('link', { name: 'Download' })).toHaveAttribute(
    'href',
    /\/mlflow\/get-artifact\?path=training_confusion_matrix\.png/,
  );
});

test("an HTML artifact's script runs sandboxed: it cannot read parent.document, storage or the API", async ({ page, manifest }) => {
  const cases = scenario(manifest, 'artifact_cases');
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('experiments/search?max_results=1') && !request.url().includes('max_results=1000'))
      apiCalls.push(request.url());
  });
  const artifacts = new ArtifactsPage(page);
  await artifacts.goto(cases.experiment_id, runId(cases, 'artifact_cases'), 'hostile/report.html');
  const frame = page.frameLocator('iframe[title="Preview of report.html"]');
  await expect(frame.locator('#script')).toHaveText('script: ran');
  await expect(frame.locator('#parent')).toHaveText(/^parent: blocked/);
  await expect(frame.locator('#storage')).toHaveText(/^storage: blocked/);
  await expect(frame.locator('#api')).toHaveText(/^api: blocked/);
  await expect(page.locator('iframe[title="Preview of report.html"]')).toHaveAttribute('sandbox', 'allow-scripts');
  expect(apiCalls).toEqual([]);
  expect(await page.evaluate(() => document.title)).not.toContain('READ');
});

test('a 60 MB artifact offers download only', async ({ page, manifest }) => {
  const cases = scenario(manifest, 'artifact_cases');
  const bodies: string[] = [];
  page.on('request', (request) => {
    // Any read of the file's bytes through the proxy (the page's own URL names it too).
    if (request.url().includes('/mlflow/') && request.url().includes('sixty-mb.log')) bodies.push(request.url());
  });
  const artifacts = new ArtifactsPage(page);
  await artifacts.goto(cases.experiment_id, runId(cases, 'artifact_cases'), 'large/sixty-mb.log');
  await expect(artifacts.detail.getByRole('status')).toContainText('Too large to preview (60 MB');
  await expect(artifacts.detail.getByRole('link', { name: 'Download sixty-mb.log' })).toHaveAttribute('download', 'sixty-mb.log');
  await expect(artifacts.detail.getByRole('region', { name: /Contents of/ })).toHaveCount(0);
  expect(bodies).toEqual([]); // nothing was downloaded to decide that
});

test('hostile and broken MLmodel files show as text with an error, and nothing in them runs', async ({ page, manifest, pageProblems }) => {
  const cases = scenario(manifest, 'artifact_cases');
  const artifacts = new ArtifactsPage(page);
  await artifacts.goto(cases.experiment_id, runId(cases, 'artifact_cases'), 'models/hostile');
  await expect(artifacts.detail.getByRole('alert')).toContainText('This MLmodel file cannot be read');
  await expect(artifacts.detail.getByRole('alert')).toContainText('Unresolved tag');
  await expect(artifacts.detail.getByRole('region', { name: 'Contents of models/hostile/MLmodel' })).toContainText('!!js/function');
  expect(await page.evaluate(() => (window as unknown as { __runlensPwned?: boolean }).__runlensPwned)).toBeUndefined();

  await artifacts.goto(cases.experiment_id, runId(cases, 'artifact_cases'), 'models/broken');
  await expect(artifacts.detail.getByRole('alert')).toContainText('This MLmodel file cannot be read');
  await artifacts.goto(cases.experiment_id, runId(cases, 'artifact_cases'), 'models/wrong-types');
  await expect(artifacts.detail.getByRole('alert')).toContainText('"flavors" is missing or not a mapping');
  expect(pageProblems).toEqual([]);
});

test('a tensor model with params; its metadata/ copy is not a model; non-UTF-8 text, JSON, Markdown and SVG previews', async ({
  page,
  manifest,
  pageProblems,
}) => {
  const cases = scenario(manifest, 'artifact_cases');
  const artifacts = new ArtifactsPage(page);
  const run = runId(cases, 'artifact_cases');
  await artifacts.goto(cases.experiment_id, run, 'models/tensor_model');
  await expect(artifacts.table('Signature inputs')).toContainText('(any, 2)');
  await expect(artifacts.table('Signature params')).toContainText('temperature');
  await expect(artifacts.detail.getByRole('region', { name: 'Input example image' })).toContainText('[[0.5,1.5]');
  await expect(artifacts.detail.getByRole('region', { name: 'Serving request body' })).toContainText('"temperature": 0.7');

  await artifacts.open('metadata/');
  await expect(artifacts.detail.getByRole('heading', { name: 'MLflow model' })).toHaveCount(0);

  await artifacts.goto(cases.experiment_id, run, 'text/latin1.txt');
  await expect(artifacts.detail.getByRole('note')).toContainText('Not valid UTF-8');
  await expect(artifacts.detail.getByRole('region', { name: 'Contents of latin1.txt' })).toContainText('Café crème brûlée');

  await artifacts.goto(cases.experiment_id, run, 'data/metrics.json');
  await artifacts.detail.getByRole('button', { name: 'Tree' }).click();
  const tree = artifacts.detail.getByLabel('JSON tree');
  // Closed branches render nothing until opened.
  await expect(tree).toContainText('nested');
  await expect(tree).not.toContainText('deepest');
  for (const branch of [/depth: ?\{1\}/, /deeper: ?\[3\]/, /\b2: ?\{1\}/]) await tree.getByRole('button', { name: branch }).click();
  await expect(tree).toContainText('deepest');

  // Markdown renders sanitised: bold and a safe link; no script, no javascript: link.
  await artifacts.goto(cases.experiment_id, run, 'text/notes.md');
  await expect(artifacts.detail.locator('.markdown strong')).toHaveText('bold');
  await expect(artifacts.detail.getByRole('link', { name: 'link', exact: true })).toHaveAttribute('href', 'https://mlflow.org');
  await expect(artifacts.detail.getByRole('link', { name: 'bad link' })).toHaveCount(0);
  await expect(artifacts.detail.locator('script')).toHaveCount(0);

  await artifacts.goto(cases.experiment_id, run, 'hostile/logo.svg');
  const svg = artifacts.detail.getByRole('img', { name: 'logo.svg' });
  await expect(svg).toBeVisible();
  expect(await svg.evaluate((img) => img.tagName)).toBe('IMG');
  expect(pageProblems).toEqual([]);
});

test('an artifact store the server cannot reach shows its error inside the artifact panel only', async ({ page, manifest }) => {
  const quickstart = scenario(manifest, 'quickstart');
  await page.route('**/mlflow/api/2.0/mlflow/artifacts/list**', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error_code: 'INTERNAL_ERROR', message: 'NoCredentialsError: Unable to locate credentials' }),
    }),
  );
  await page.goto(`/experiments/${quickstart.experiment_id}/runs/${runId(quickstart, 'quickstart')}/artifacts`);
  await waitUntilReady(page);
  const panel = page.getByRole('region', { name: 'Artifacts' });
  await expect(panel.getByRole('alert').first()).toContainText('Unable to locate credentials');
  await expect(page.getByRole('navigation', { name: 'Artifact files' }).getByRole('link', { name: 'Run artifacts' })).toBeVisible();
});
