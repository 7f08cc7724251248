// The same smoke journey on every backend of the matrix (harness/backends.ts): the experiment
// list, the run table with a grid search's children nested, a metric chart, an artifact preview
// and an MLmodel view, each against the data e2e/data/populate.py logged into that server.
// Each backend gets its own server, data and `runlens serve`; the journey is one test so the
// backend starts once.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { waitUntilReady } from './fixtures.ts';
import { BACKENDS, type BackendSpec, type TrackingServer } from './harness/backends.ts';
import { populate, type Manifest } from './harness/populate.ts';
import { ensurePythonEnv } from './harness/python-env.ts';
import { startRunlens, type RunlensServer } from './harness/runlens-server.ts';
import { paths } from '../src/config/paths.ts';
import { ArtifactsPage } from './pages/artifacts-page.ts';
import { ExperimentListPage } from './pages/experiment-list-page.ts';
import { LoggedModelsPage } from './pages/logged-models-page.ts';
import { RunPageObject } from './pages/run-page.ts';
import { RunTablePage } from './pages/run-table-page.ts';

/** The scenarios the journey reads: a metric history and a text file, a grid search, an uploaded model folder. */
const SCENARIOS = ['quickstart', 'sklearn_autolog', 'kubeflow_svc'];

const scenario = (manifest: Manifest, name: string) => {
  const found = Object.values(manifest).find((s) => s.experiment_name === name);
  if (!found) throw new Error(`the manifest has no ${name}`);
  return found;
};

interface Started {
  server: TrackingServer;
  runlens: RunlensServer;
  manifest: Manifest;
  dataDir: string;
}

async function startBackend(backend: BackendSpec): Promise<Started> {
  const log = (line: string) => console.log(`[${backend.id}] ${line}`);
  const began = Date.now();
  const env = await ensurePythonEnv(log, backend.env);
  log(`python environment ready (${((Date.now() - began) / 1000).toFixed(1)} s)`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `runlens-${backend.id}-`));
  const server = await backend.start(env, dataDir);
  try {
    const manifest = await populate(env, server.dataUrl, path.join(dataDir, 'manifest.json'), SCENARIOS, server.dataEnv);
    log(`data logged (${((Date.now() - began) / 1000).toFixed(1)} s)`);
    const { trackingUri, env: runlensEnv } = server.runlens();
    const runlens = await startRunlens(trackingUri, { env: runlensEnv });
    return { server, runlens, manifest, dataDir };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

async function openPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'UTC' });
  return context.newPage();
}

/** Every query of the view settled without an error. */
async function expectNoErrors(page: Page): Promise<void> {
  await waitUntilReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-runlens-errors', '0');
}

test.describe.configure({ mode: 'parallel' });

for (const backend of BACKENDS) {
  test.describe(backend.title, () => {
    let started: Started | undefined;

    test.beforeAll(async () => {
      // Installing a backend from PyPI takes minutes the first time; that is setup, not the test.
      test.setTimeout(15 * 60_000);
      started = await startBackend(backend);
    });

    test.afterAll(async () => {
      await started?.runlens.stop();
      await started?.server.stop();
      if (started && process.env.RUNLENS_E2E_KEEP !== '1') rmSync(started.dataDir, { recursive: true, force: true });
    });

    test(`${backend.id}: experiment list, nested runs, a chart, an artifact preview and an MLmodel view`, async ({ browser }) => {
      test.setTimeout(120_000);
      const { runlens, manifest } = started!;
      const page = await openPage(browser, runlens.url);

      await test.step('the header names the backend, and the list holds the logged experiments', async () => {
        const list = new ExperimentListPage(page);
        await list.goto();
        await expect(page.locator('.server-indicator__backend')).toHaveText(backend.shownAs);
        expect(await list.names()).toEqual(expect.arrayContaining(['quickstart', 'sklearn-autolog', 'kubeflow-svc']));
        // Run counts come from paging runs/search: three autolog runs and the grid search's four children.
        const autolog = scenario(manifest, 'sklearn-autolog');
        const autologRuns = Object.keys(autolog.runs).filter((role) => role !== 'grid_children').length + 4;
        await expect(await list.cell('sklearn-autolog', 'Runs')).toHaveText(String(autologRuns));
        await expectNoErrors(page);
      });

      await test.step("the grid search's children sit under their parent, as the server holds them", async () => {
        const autolog = scenario(manifest, 'sklearn-autolog');
        const runs = new RunTablePage(page);
        await runs.goto(autolog.experiment_id, '?expandAll=true');
        const names = await runs.names();
        const parentAt = names.indexOf('grid-search-cv');
        const children = names.slice(parentAt + 1, parentAt + 5);
        const ids = await Promise.all(
          children.map(
            async (child) =>
              (await runs.row(child).getByRole('rowheader').getByRole('link').first().getAttribute('href'))!.split('/runs/')[1],
          ),
        );
        expect([...ids].sort()).toEqual([...(autolog.runs.grid_children as string[])].sort());
        await expectNoErrors(page);
      });

      await test.step("searching run names (the server's ILIKE) finds the grid search alone", async () => {
        const runs = new RunTablePage(page);
        await runs.runSearch('GRID-search');
        expect(await runs.names()).toEqual(['grid-search-cv']);
        await expectNoErrors(page);
      });

      await test.step("the quickstart's foo chart has its 3 points", async () => {
        const quickstart = scenario(manifest, 'quickstart');
        const run = new RunPageObject(page);
        await run.goto(quickstart.experiment_id, quickstart.runs.quickstart as string, '/metrics');
        const chart = await run.drawnChart('foo');
        await expect(chart.locator('.recharts-line-dot')).toHaveCount(3);
        await expectNoErrors(page);
      });

      await test.step('outputs/test.txt previews as its text', async () => {
        const quickstart = scenario(manifest, 'quickstart');
        const artifacts = new ArtifactsPage(page);
        await artifacts.goto(quickstart.experiment_id, quickstart.runs.quickstart as string, 'outputs/test.txt');
        await expect(artifacts.detail).toContainText('hello world!');
        await expectNoErrors(page);
      });

      await test.step('the uploaded svc/ folder shows as an MLflow model with its flavors', async () => {
        const kubeflow = scenario(manifest, 'kubeflow-svc');
        const artifacts = new ArtifactsPage(page);
        await artifacts.goto(kubeflow.experiment_id, kubeflow.runs.svc_upload as string, 'svc');
        await expect(artifacts.detail.getByRole('heading', { name: 'MLflow model' })).toBeVisible();
        expect(await artifacts.rowHeaders(artifacts.table('Flavors'))).toEqual(['python_function', 'sklearn']);
        await expectNoErrors(page);
      });
      if (backend.loggedModels) {
        await test.step("the autolog run's LoggedModel shows as an MLflow model (MLflow 3 keeps it outside the run)", async () => {
          const autolog = scenario(manifest, 'sklearn-autolog');
          const models = autolog.logged_models as { model_id: string; name: string; source_run_role: string | null }[];
          const model = models.find((m) => m.source_run_role === 'linear_regression' && m.name === 'model');
          expect(model, 'the manifest lists the LoggedModel').toBeDefined();
          const artifacts = new ArtifactsPage(page);
          await artifacts.goto(autolog.experiment_id, autolog.runs.linear_regression as string, '', model!.model_id);
          await expect(artifacts.detail.getByRole('heading', { name: 'MLflow model' })).toBeVisible();
          expect(await artifacts.rowHeaders(artifacts.table('Flavors'))).toEqual(['python_function', 'sklearn']);
          await expectNoErrors(page);
        });
      }

      await test.step(
        backend.loggedModels
          ? "the experiment's Models tab lists its LoggedModels"
          : 'the Models tab says the server keeps no logged models',
        async () => {
          const autolog = scenario(manifest, 'sklearn-autolog');
          const models = new LoggedModelsPage(page);
          await models.goto(autolog.experiment_id);
          if (backend.loggedModels) {
            const expected = (autolog.logged_models as { model_id: string }[]).map((m) => m.model_id).sort();
            expect((await models.rows()).map(([, modelId]) => modelId).sort()).toEqual(expected);
          } else {
            await expect(models.panel.getByRole('note')).toContainText('keeps no logged models');
          }
          await expectNoErrors(page);
        },
      );

      const localStore = started!.server.localStore;
      if (localStore) {
        await test.step('runlens serve <mlruns folder> starts mlflow on it, as mlflow ui does, and shows the same experiments', async () => {
          const byFolder = await startRunlens(localStore.folder, { args: ['--python', localStore.python] });
          try {
            const list = new ExperimentListPage(page);
            await page.goto(`${byFolder.url}/`);
            await waitUntilReady(page);
            expect(await list.names()).toEqual(expect.arrayContaining(['quickstart', 'sklearn-autolog', 'kubeflow-svc']));
            await expectNoErrors(page);
          } finally {
            await byFolder.stop();
          }
        });
      }

      const refusingStore = started!.server.refusingStore;
      if (refusingStore) {
        await test.step("an artifact store that refuses the server's credentials: its error shows in the artifact panel only", async () => {
          const quickstart = scenario(manifest, 'quickstart');
          const refused = await startRunlens(refusingStore.trackingUri);
          try {
            await page.goto(`${refused.url}${paths.run.getHref(quickstart.experiment_id, quickstart.runs.quickstart as string)}`);
            await expectNoErrors(page);
            await page.goto(`${refused.url}${paths.runArtifacts.getHref(quickstart.experiment_id, quickstart.runs.quickstart as string)}`);
            await waitUntilReady(page);
            const refusal = page.getByRole('region', { name: 'Artifacts' }).getByRole('alert').first();
            await expect(refusal).toContainText('The artifact store refused the tracking server');
            await expect(refusal).toContainText('Access Key Id you provided does not exist');
            await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('quickstart');
          } finally {
            await refused.stop();
          }
        });
      }

      if (started!.server.guarded) {
        await test.step('with a wrong secret every view says the server wants credentials (401)', async () => {
          const { trackingUri, env } = started!.server.runlens(true);
          const wrong = await startRunlens(trackingUri, { env });
          try {
            await page.goto(`${wrong.url}/`);
            await expect(page.getByRole('alert')).toContainText('The tracking server wants credentials (401)');
          } finally {
            await wrong.stop();
          }
        });
      }
      await page.context().close();
    });
  });
}
