// The model registry, read-only, against the real server: the registry scenario's model (two
// versions, alias `champion` on version 1, not the latest) from the header's Models link down
// to a version's signature.
import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';

interface RegisteredModelFacts {
  name: string;
  aliases: Record<string, string>;
  versions: { version: string; run_id: string; source: string }[];
}

const registry = (manifest: Manifest) => {
  const scenario = manifest.registry;
  if (!scenario) throw new Error('no registry scenario in the manifest');
  return {
    model: scenario.registered_model as RegisteredModelFacts,
    signatureColumns: scenario.signature_columns as string[],
    runs: scenario.runs as Record<string, string>,
  };
};

test('from the header to a version through its alias: the model, its versions and the signature', async ({
  page,
  manifest,
  mlflowUrl,
  pageProblems,
}) => {
  const { model, signatureColumns } = registry(manifest);
  // What the server says the alias resolves to, not only what the script meant to set.
  const aliasAnswer = await fetch(
    `${mlflowUrl}/api/2.0/mlflow/registered-models/alias?${new URLSearchParams({ name: model.name, alias: 'champion' }).toString()}`,
  );
  const champion = ((await aliasAnswer.json()) as { model_version: { version: string; run_id: string } }).model_version;
  expect(champion.version).toBe(model.aliases.champion);
  expect(champion.version).toBe('1');
  const latest = model.versions.map((v) => v.version).sort((a, b) => Number(b) - Number(a))[0]!;
  expect(latest).toBe('2');

  await page.goto('/');
  await waitUntilReady(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).click();
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Models' })).toBeVisible();
  await expect(page).toHaveTitle(/^Models · /);

  // Listed with its latest version, its alias (and where it points), tags and description.
  const models = page.getByRole('table', { name: 'Registered models' });
  const row = models.getByRole('row').filter({ has: page.getByRole('link', { name: model.name, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name: `Version ${latest}`, exact: true })).toBeVisible();
  await expect(row.getByRole('link', { name: '@champion → v1' })).toBeVisible();
  await expect(row.getByRole('list', { name: `Tags of ${model.name}` })).toContainText('team: runlens');
  // The description's Markdown is rendered (a heading, bold text), not shown as source.
  await expect(row.getByRole('heading', { name: 'Iris classifier' })).toBeVisible();
  await expect(row.locator('strong', { hasText: 'LogisticRegression' })).toBeVisible();

  // The model page: both versions, champion on version 1 only, each linked to its source run.
  await row.getByRole('link', { name: model.name, exact: true }).click();
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { level: 1, name: model.name })).toBeVisible();
  const versions = page.getByRole('table', { name: 'Versions' });
  const versionLinks = versions.locator('tbody').getByRole('rowheader');
  await expect(versionLinks).toHaveText(['Version 2', 'Version 1']);
  // 3.x has no stages: no Stage column.
  await expect(versions.getByRole('columnheader', { name: 'Stage' })).toHaveCount(0);
  const versionRow = (version: string) =>
    versions.getByRole('row').filter({ has: page.getByRole('link', { name: `Version ${version}`, exact: true }) });
  await expect(versionRow('1').getByRole('link', { name: '@champion' })).toBeVisible();
  await expect(versionRow('2').getByRole('link', { name: /@/ })).toHaveCount(0);
  for (const { version, run_id: runId } of model.versions) {
    const runLink = versionRow(version).getByRole('link', { name: `registry-v${version}` });
    await expect(runLink).toHaveAttribute('href', new RegExp(`/runs/${runId}$`));
  }

  // Following the alias lands on the version it points at, with the model's signature.
  await page
    .getByRole('list', { name: `Aliases of ${model.name}` })
    .first()
    .getByRole('link', { name: /@champion/ })
    .click();
  await waitUntilReady(page);
  await expect(page).toHaveURL(new RegExp(`/models/${model.name}/versions/${champion.version}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${model.name} version ${champion.version}`);
  await expect(page.getByRole('link', { name: 'registry-v1' })).toHaveAttribute('href', new RegExp(`/runs/${champion.run_id}$`));
  const mlflowModel = page.getByRole('region', { name: 'MLflow model' });
  const inputs = mlflowModel.getByRole('table', { name: 'Signature inputs' });
  expect((await inputs.locator('tbody').getByRole('rowheader').allInnerTexts()).map((t) => t.trim())).toEqual(signatureColumns);
  await expect(mlflowModel.getByRole('table', { name: 'Flavors' })).toContainText('sklearn');
  // Snippets load the version by number, and offer the alias.
  await expect(mlflowModel.getByText(`mlflow models serve -m models:/${model.name}/${champion.version} --port 5001`)).toBeVisible();
  await expect(mlflowModel.getByText(`models:/${model.name}@champion`)).toBeVisible();
  expect(pageProblems).toEqual([]);
});

test('searching the models: a part of the name finds it, another name shows an empty state', async ({ page, manifest, pageProblems }) => {
  const { model } = registry(manifest);
  await page.goto('/models');
  await waitUntilReady(page);
  const search = page.getByRole('searchbox', { name: 'Search models by name' });

  await search.fill('registry-DEMO');
  await search.press('Enter');
  await waitUntilReady(page);
  await expect(page).toHaveURL(/[?&]searchFilter=registry-DEMO/);
  await expect(page.getByRole('table', { name: 'Registered models' }).getByRole('link', { name: model.name, exact: true })).toBeVisible();

  await search.fill('no-such-model-zz');
  await search.press('Enter');
  await waitUntilReady(page);
  await expect(page).toHaveURL(/[?&]searchFilter=no-such-model-zz/);
  await expect(page.getByText('No registered model name contains “no-such-model-zz”.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Registered models' })).toHaveCount(0);
  // The search is in the URL: going back shows the earlier one again.
  await page.goBack();
  await waitUntilReady(page);
  await expect(search).toHaveValue('registry-DEMO');
  await expect(page.getByRole('table', { name: 'Registered models' }).getByRole('link', { name: model.name, exact: true })).toBeVisible();
  expect(pageProblems).toEqual([]);
});

test('a version number the model does not have, and an alias it does not have, say so', async ({ page, manifest, pageProblems }) => {
  const { model } = registry(manifest);
  await page.goto(`/models/${model.name}/versions/99`);
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { name: 'Version not found' })).toBeVisible();
  await page.goto(`/models/${model.name}/aliases/nobody`);
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { name: 'Alias not found' })).toBeVisible();
  expect(pageProblems).toEqual([]);
});
