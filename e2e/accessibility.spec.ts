// Accessibility against the real server: axe on every route (WCAG 2.x A and AA rules, no
// serious or critical violation), the run table as a keyboard-operable ARIA treegrid, and the
// charts' text alternative (the plotted values as a table).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest, ScenarioManifest } from './harness/populate.ts';
import { ArtifactsPage } from './pages/artifacts-page.ts';
import { RunPageObject } from './pages/run-page.ts';
import { RunTablePage } from './pages/run-table-page.ts';

const byName = (manifest: Manifest, name: string): ScenarioManifest => Object.values(manifest).find((s) => s.experiment_name === name)!;
const runOf = (s: ScenarioManifest, role: string) => s.runs[role] as string;

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's serious and critical violations on the page as it is now, one line per failing node. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`),
    );
}

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitUntilReady(page);
}

test.describe('axe finds no serious or critical WCAG violation', () => {
  test('on the experiment list', async ({ page }) => {
    await visit(page, '/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on the run table, with a parent expanded and a run selected', async ({ page, manifest }) => {
    const autolog = byName(manifest, 'sklearn-autolog');
    await visit(page, `/experiments/${autolog.experiment_id}?expandAll=true&selected=${runOf(autolog, 'grid_parent')}`);
    await expect(page.getByRole('treegrid', { name: 'Runs' }).getByRole('rowheader', { name: /grid-search-cv/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on the run page tabs: overview, metrics and artifacts', async ({ page, manifest }) => {
    const quickstart = byName(manifest, 'quickstart');
    const run = new RunPageObject(page);
    await run.goto(quickstart.experiment_id, runOf(quickstart, 'quickstart'));
    await expect(run.heading()).toContainText('quickstart');
    expect.soft(await seriousViolations(page), 'overview').toEqual([]);

    await run.goto(quickstart.experiment_id, runOf(quickstart, 'quickstart'), '/metrics');
    const chart = await run.drawnChart('foo');
    await chart.getByRole('button', { name: 'Show data as table' }).click();
    await expect(chart.getByRole('table')).toBeVisible();
    expect.soft(await seriousViolations(page), 'metrics, with a chart shown as a table').toEqual([]);

    const artifacts = new ArtifactsPage(page);
    await artifacts.goto(quickstart.experiment_id, runOf(quickstart, 'quickstart'));
    await expect(artifacts.tree).toBeVisible();
    expect.soft(await seriousViolations(page), 'artifacts').toEqual([]);
  });

  test('on the compare view with every plot shown, and on a sweep tab', async ({ page, manifest }) => {
    const max = byName(manifest, 'compare_max_depth');
    await visit(page, `/compare?runs=${runOf(max, 'max_depth_2')},${runOf(max, 'max_depth_8')}&plots=parallel,scatter,box,heatmap`);
    await expect(page.getByRole('figure', { name: /^Bar chart of accuracy/ })).toBeVisible();
    await expect(page.getByRole('figure', { name: /^Parallel coordinates/ })).toBeVisible();
    expect.soft(await seriousViolations(page), 'compare').toEqual([]);

    const autolog = byName(manifest, 'sklearn-autolog');
    await visit(page, `/experiments/${autolog.experiment_id}/runs/${runOf(autolog, 'grid_parent')}/sweep`);
    await expect(page.getByRole('figure', { name: /^Heatmap of mean_test_score/ })).toBeVisible();
    expect.soft(await seriousViolations(page), 'sweep').toEqual([]);
  });

  test('on artifact previews: a CSV table, a JSON tree and Markdown', async ({ page, manifest }) => {
    const autolog = manifest.sklearn_autolog!;
    const artifacts = new ArtifactsPage(page);
    await artifacts.goto(autolog.experiment_id, runOf(autolog, 'grid_parent'), 'cv_results.csv');
    await expect(artifacts.table('Contents of cv_results.csv')).toBeVisible();
    expect.soft(await seriousViolations(page), 'cv_results.csv').toEqual([]);

    const cases = manifest.artifact_cases!;
    for (const path of ['data/metrics.json', 'text/notes.md', 'text/latin1.txt']) {
      await artifacts.goto(cases.experiment_id, runOf(cases, 'artifact_cases'), path);
      await expect(artifacts.detail).toContainText(path.split('/').at(-1)!);
      expect.soft(await seriousViolations(page), path).toEqual([]);
    }
  });

  test('on the model view: an MLmodel folder and a logged model', async ({ page, manifest }) => {
    const kubeflow = manifest.kubeflow_svc!;
    const artifacts = new ArtifactsPage(page);
    await artifacts.goto(kubeflow.experiment_id, runOf(kubeflow, 'svc_upload'), 'svc');
    await expect(artifacts.detail.getByRole('heading', { name: 'MLflow model' })).toBeVisible();
    await expect(artifacts.table('Input example')).toBeVisible();
    expect.soft(await seriousViolations(page), 'svc/').toEqual([]);

    const elasticnet = manifest.elasticnet_diabetes!;
    await artifacts.goto(elasticnet.experiment_id, runOf(elasticnet, 'elasticnet'));
    await artifacts.open('sk_model');
    await expect(artifacts.table('Signature inputs')).toBeVisible();
    expect.soft(await seriousViolations(page), 'sk_model').toEqual([]);
  });

  test('on the model registry: the models list, a model and a version', async ({ page, manifest }) => {
    const name = (manifest.registry!.registered_model as { name: string }).name;
    await visit(page, '/models');
    await expect(page.getByRole('table', { name: 'Registered models' })).toBeVisible();
    expect.soft(await seriousViolations(page), 'models list').toEqual([]);

    await visit(page, `/models/${encodeURIComponent(name)}`);
    await expect(page.getByRole('table', { name: 'Versions' })).toBeVisible();
    expect.soft(await seriousViolations(page), 'model').toEqual([]);

    await visit(page, `/models/${encodeURIComponent(name)}/versions/1`);
    await expect(page.getByRole('table', { name: 'Signature inputs' })).toBeVisible();
    expect.soft(await seriousViolations(page), 'version').toEqual([]);
  });

  test('on the error pages: unknown experiment, unknown run, unknown address', async ({ page, manifest }) => {
    await visit(page, '/experiments/999999999');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect.soft(await seriousViolations(page), 'unknown experiment').toEqual([]);

    const max = byName(manifest, 'compare_max_depth');
    await visit(page, `/experiments/${max.experiment_id}/runs/0123456789abcdef0123456789abcdef`);
    await expect(page.getByRole('heading', { name: 'Run not found' })).toBeVisible();
    expect.soft(await seriousViolations(page), 'unknown run').toEqual([]);

    await visit(page, '/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect.soft(await seriousViolations(page), 'unknown address').toEqual([]);
  });
});

test.describe('in the dark colour scheme too', () => {
  test.use({ colorScheme: 'dark' });

  test('axe finds no serious or critical violation on the experiment list, run table and charts', async ({ page, manifest }) => {
    await visit(page, '/');
    expect.soft(await seriousViolations(page), 'experiment list').toEqual([]);

    const autolog = byName(manifest, 'sklearn-autolog');
    await visit(page, `/experiments/${autolog.experiment_id}?expandAll=true&selected=${runOf(autolog, 'grid_parent')}`);
    expect.soft(await seriousViolations(page), 'run table').toEqual([]);

    const max = byName(manifest, 'compare_max_depth');
    await visit(page, `/compare?runs=${runOf(max, 'max_depth_2')},${runOf(max, 'max_depth_8')}`);
    await expect(page.getByRole('figure', { name: /^Bar chart of accuracy/ })).toBeVisible();
    expect.soft(await seriousViolations(page), 'compare').toEqual([]);
  });
});

test.describe('the run table is a keyboard-operable treegrid', () => {
  test('Right expands the GridSearchCV parent, arrows move between cells, Space selects, Left goes back up and collapses, Enter opens', async ({
    page,
    manifest,
  }) => {
    const autolog = byName(manifest, 'sklearn-autolog');
    const runs = new RunTablePage(page);
    await runs.goto(autolog.experiment_id);
    const grid = page.getByRole('treegrid', { name: 'Runs' });
    // Three runs and two header rows (column groups, column headers).
    await expect(grid).toHaveAttribute('aria-rowcount', '5');
    const parent = runs.row('grid-search-cv');
    await expect(parent).toHaveAttribute('aria-level', '1');
    await expect(parent).toHaveAttribute('aria-expanded', 'false');
    // Leaves have no aria-expanded at all.
    await expect(runs.row('pipeline')).not.toHaveAttribute('aria-expanded');
    // One tab stop in the whole grid.
    await expect(grid.locator('tbody [tabindex="0"]')).toHaveCount(1);

    // Click a plain cell of the parent row (its status), then Home: the name cell has the focus.
    await parent.getByRole('gridcell').first().click();
    await page.keyboard.press('Home');
    const parentName = parent.getByRole('rowheader');
    await expect(parentName).toBeFocused();
    await expect(parentName).toHaveAttribute('tabindex', '0');

    await page.keyboard.press('ArrowRight');
    await expect(parent).toHaveAttribute('aria-expanded', 'true');
    await expect(grid.locator('tbody tr[aria-level="2"]')).toHaveCount(4);
    await expect(grid).toHaveAttribute('aria-rowcount', '9');
    await expect(parentName).toBeFocused();
    const names = await runs.names();
    const child = names[names.indexOf('grid-search-cv') + 1]!;
    const childRow = runs.row(child);
    await expect(childRow).toHaveAttribute('aria-level', '2');
    await expect(childRow).toHaveAttribute('aria-posinset', '1');
    await expect(childRow).toHaveAttribute('aria-setsize', '4');

    await page.keyboard.press('ArrowDown');
    await expect(childRow.getByRole('rowheader')).toBeFocused();
    await expect(grid.locator('tbody [tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press(' ');
    await expect(childRow).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('checkbox', { name: `Select ${child}` })).toBeChecked();
    // The URL holds the selection: that one child.
    await expect.poll(() => new URL(page.url()).searchParams.get('selected')).toMatch(/^[0-9a-f]{32}$/);
    expect(autolog.runs.grid_children as string[]).toContain(new URL(page.url()).searchParams.get('selected'));

    // Right on a leaf's name moves to its status cell; Left comes back.
    await page.keyboard.press('ArrowRight');
    await expect(childRow.getByRole('gridcell').first()).toBeFocused();
    await expect(childRow.getByRole('gridcell').first()).toHaveText('Finished');
    await page.keyboard.press('ArrowLeft');
    await expect(childRow.getByRole('rowheader')).toBeFocused();

    // Left on a child goes to its parent; Left again collapses it.
    await page.keyboard.press('ArrowLeft');
    await expect(parentName).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(parent).toHaveAttribute('aria-expanded', 'false');
    await expect(grid.locator('tbody tr[aria-level="2"]')).toHaveCount(0);

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/runs/${runOf(autolog, 'grid_parent')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('grid-search-cv');
  });

  test.describe('in a window narrower than the columns', () => {
    test.use({ viewport: { width: 900, height: 600 } });

    test('keys reach rows and columns the virtualizer has not drawn: Ctrl+End, End, Ctrl+Home', async ({ page, manifest }) => {
      const many = byName(manifest, 'many-runs');
      const runs = new RunTablePage(page);
      await runs.goto(many.experiment_id);
      await expect(runs.status).toHaveText(`${many.run_count as number} runs.`);
      const grid = page.getByRole('treegrid', { name: 'Runs' });
      const rowCount = Number(await grid.getAttribute('aria-rowcount'));
      const columnCount = Number(await grid.getAttribute('aria-colcount'));
      // The last row and the last column are not drawn yet.
      await expect(grid.locator(`tr[aria-rowindex="${rowCount}"]`)).toHaveCount(0);
      await expect(grid.locator(`th[aria-colindex="${columnCount}"]`)).toHaveCount(0);

      await grid.locator('tbody [tabindex="0"]').focus();
      await page.keyboard.press('Control+End');
      const lastRowName = grid.locator(`tr[aria-rowindex="${rowCount}"]`).getByRole('rowheader');
      await expect(lastRowName).toBeFocused();
      await expect(lastRowName).toBeInViewport();

      await page.keyboard.press('End');
      const lastCell = grid.locator(`tr[aria-rowindex="${rowCount}"] [aria-colindex="${columnCount}"]`);
      await expect(lastCell).toBeFocused();
      await expect(lastCell).toBeInViewport();

      await page.keyboard.press('Control+Home');
      // Rows 1 and 2 are the header rows.
      const firstCell = grid.locator(`tr[aria-rowindex="3"] [aria-colindex="${columnCount}"]`);
      await expect(firstCell).toBeFocused();
      await expect(firstCell).toBeInViewport();
      await expect(grid.locator('tbody [tabindex="0"]')).toHaveCount(1);
    });
  });
});

test.describe("a chart's values as a table", () => {
  test("the quickstart's foo chart lists its 3 logged values, step by step", async ({ page, manifest }) => {
    const quickstart = byName(manifest, 'quickstart');
    const run = new RunPageObject(page);
    await run.goto(quickstart.experiment_id, runOf(quickstart, 'quickstart'), '/metrics');
    const chart = await run.drawnChart('foo');
    const history = quickstart.foo_history as { step: number; value: number }[];
    // The figure is named by what it shows.
    await expect(chart).toHaveAccessibleName(new RegExp(`^Chart of foo by step: 1 run, ${history.length} logged values`));

    const toggle = chart.getByRole('button', { name: 'Show data as table' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(chart.getByRole('button', { name: 'Hide data table' })).toHaveAttribute('aria-expanded', 'true');
    const table = chart.getByRole('table', { name: /^foo of quickstart/ });
    await expect(table).toContainText(`${history.length} logged values`);
    await expect(table.getByRole('columnheader')).toHaveText(['Step', 'Value']);
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(history.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (cell) => cell.textContent)));
    expect(shown).toEqual(history.map((p) => [p.step.toLocaleString('en-US'), String(p.value)]));
  });

  test('a 10,000-step history is listed as the points the chart draws, the spike kept as a maximum', async ({ page, manifest }) => {
    const dynamics = byName(manifest, 'training-dynamics');
    const long = dynamics.long_history as { loss_points: number; spike_value: number; spike_step: number };
    const run = new RunPageObject(page);
    await run.goto(dynamics.experiment_id, runOf(dynamics, 'long_history'), '/metrics');
    const chart = await run.drawnChart('loss');
    await chart.getByRole('button', { name: 'Show data as table' }).click();
    const table = chart.getByRole('table');
    await expect(table).toContainText(`${long.loss_points.toLocaleString('en-US')} logged values, shown as the`);
    await expect(table.getByRole('columnheader')).toHaveText(['Step', 'Last value', 'Min', 'Max']);
    const rowCount = await table.locator('tbody tr').count();
    expect(rowCount).toBeGreaterThan(10);
    expect(rowCount).toBeLessThan(long.loss_points);
    const maxima = await table.locator('tbody tr td:nth-of-type(3)').allTextContents();
    // A bucket with no finite value shows a dash.
    expect(Math.max(...maxima.map(Number).filter(Number.isFinite))).toBe(long.spike_value);
  });
});
