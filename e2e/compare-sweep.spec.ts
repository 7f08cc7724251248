// Run comparison and the sweep view against the real server, on seed 000's GridSearchCV: one
// parent, one child per (C, kernel) combination, each child with its mean_test_score. What the
// page shows is checked against what MLflow itself answers.
import type { Locator, Page } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';

interface GridChild {
  run_id: string;
  run_name: string;
  params: { C: string; kernel: string };
  mean_test_score: number;
}

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

function grid(manifest: Manifest) {
  const autolog = scenario(manifest, 'sklearn-autolog');
  const children = autolog.grid_children as GridChild[];
  return { experimentId: autolog.experiment_id, parentId: autolog.runs.grid_parent as string, children };
}

/** The children's mean_test_score as MLflow answers runs/search, by run id. */
async function scoresFromServer(mlflowUrl: string, experimentId: string, parentId: string): Promise<Map<string, number>> {
  const response = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [experimentId], filter: `tags.mlflow.parentRunId = '${parentId}'`, max_results: 100 }),
  });
  const body = (await response.json()) as { runs: { info: { run_id: string }; data: { metrics: { key: string; value: number }[] } }[] };
  return new Map(body.runs.map((run) => [run.info.run_id, run.data.metrics.find((m) => m.key === 'mean_test_score')!.value]));
}

const compareTable = (page: Page) => page.locator('table.compare-table');
const section = (page: Page, name: string) => compareTable(page).getByRole('rowgroup', { name });
const lines = (page: Page) => page.locator('path.parallel-coordinates__line');
const selectedLines = (page: Page) => page.locator('path.parallel-coordinates__line--selected');

/** Drags a brush over the top `fraction` of a parallel-coordinates axis (the larger values). */
async function brushTop(page: Page, axisIndex: number, fraction: number): Promise<void> {
  const overlay = page.locator('.parallel-coordinates__brush').nth(axisIndex).locator('rect.overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + 1);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height * fraction, { steps: 5 });
  await page.mouse.up();
}

function parseBrush(url: string): { min: number; max: number } {
  const brush = new URL(url).searchParams.get('brush') ?? '';
  const match = /metrics\.mean_test_score:([^~;]+)~([^;]+)/.exec(decodeURIComponent(brush));
  if (!match) throw new Error(`no mean_test_score brush in ${url}`);
  return { min: Number(match[1]), max: Number(match[2]) };
}

const cellsOfRow = (row: Locator) => row.locator('td');

test('comparing the four GridSearchCV children: only C and kernel differ, the best mean_test_score is marked, and single-value metrics are bar charts', async ({
  page,
  manifest,
  mlflowUrl,
}) => {
  const { experimentId, parentId, children } = grid(manifest);
  const ids = children.map((child) => child.run_id);
  await page.goto(`/compare?runs=${ids.join(',')}&onlyDifferences=true`);
  await waitUntilReady(page);

  const params = section(page, 'Parameters');
  await expect(params.getByRole('rowheader')).toHaveText([/^Parameters \(2( of \d+)?\)$/, 'C', 'kernel']);

  // The best score, per MLflow, is marked in its run's column (ties: every one of them).
  const scores = await scoresFromServer(mlflowUrl, experimentId, parentId);
  const best = Math.max(...scores.values());
  const row = section(page, 'Metrics')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'mean_test_score', exact: true }) });
  const cells = cellsOfRow(row);
  await expect(cells).toHaveCount(4);
  for (const [i, id] of ids.entries()) {
    const cell = cells.nth(i);
    if (scores.get(id) === best) {
      await expect(cell, `${id} holds the best score`).toHaveClass(/compare-table__best/);
      await expect(cell).toHaveAttribute('title', 'best');
      await expect(cell).toContainText('best');
    } else {
      await expect(cell, `${id} is not the best`).not.toHaveClass(/compare-table__best/);
    }
  }

  // Logged once per child: a bar chart with a bar per run, not a one-dot line chart.
  const bars = page.getByRole('figure', { name: /^Bar chart of mean_test_score/ });
  await expect(bars.locator('rect.chart-bar__rect')).toHaveCount(4);
  await expect(bars.locator('.chart-bar--best')).toHaveCount([...scores.values()].filter((s) => s === best).length);
  await expect(page.getByRole('figure', { name: /^Chart of mean_test_score/ })).toHaveCount(0);
});

test('parallel coordinates draw the four children, a brush narrows them and the table alike, and the scatter has 4 points', async ({
  page,
  manifest,
}) => {
  const { children } = grid(manifest);
  await page.goto(`/compare?runs=${children.map((c) => c.run_id).join(',')}`);
  await waitUntilReady(page);

  const parallel = page.getByRole('figure', { name: /^Parallel coordinates of C, kernel and mean_test_score/ });
  await expect(parallel).toBeVisible();
  await expect(lines(page)).toHaveCount(4);
  await expect(selectedLines(page)).toHaveCount(4);

  await brushTop(page, 2, 0.3);
  await expect(page).toHaveURL(/brush=/);
  const { min, max } = parseBrush(page.url());
  const inside = children.filter((c) => c.mean_test_score >= min && c.mean_test_score <= max);
  expect(inside.length, `the brush ${min}–${max} keeps some runs, not all`).toBeGreaterThan(0);
  expect(inside.length).toBeLessThan(4);
  await expect(selectedLines(page)).toHaveCount(inside.length);
  await expect(page.getByRole('status').filter({ hasText: `Showing ${inside.length} of 4 runs` })).toBeVisible();
  await expect(compareTable(page).locator('thead tr').first().getByRole('link')).toHaveCount(inside.length);

  const scatter = page.getByRole('figure', { name: /^Scatter of mean_test_score against C/ });
  await expect(scatter.locator('circle[data-run-id]')).toHaveCount(4);
});

test('a reload of the compare URL restores every choice: only differences, plots, axes, log scale, colour, direction and brush', async ({
  page,
  manifest,
}) => {
  const { children } = grid(manifest);
  await page.goto(`/compare?runs=${children.map((c) => c.run_id).join(',')}`);
  await waitUntilReady(page);

  // 15 params: "Only differences" starts on; turned off, every row stays in the table.
  const onlyDifferences = page.getByRole('checkbox', { name: 'Only differences' });
  await expect(onlyDifferences).toBeChecked();
  await onlyDifferences.uncheck();
  const plots = page.getByRole('group', { name: 'Plots' });
  await plots.getByRole('checkbox', { name: 'Box plot' }).check();
  await plots.getByRole('checkbox', { name: 'Heatmap' }).check();
  await page.getByRole('region', { name: 'Scatter' }).getByRole('combobox', { name: 'x' }).selectOption('params.kernel');
  await page
    .getByRole('region', { name: 'Parallel coordinates' })
    .getByRole('combobox', { name: 'Colour by' })
    .selectOption('std_test_score');
  const parallelPanel = page.getByRole('region', { name: 'Parallel coordinates' });
  await parallelPanel.getByText('Axes (3)').click();
  await parallelPanel.getByRole('checkbox', { name: 'C on a log scale' }).check();
  await page.getByRole('button', { name: 'mean_test_score: higher is better (switch)' }).click();
  await expect(page.getByRole('button', { name: 'mean_test_score: lower is better (switch)' })).toBeVisible();
  await brushTop(page, 2, 0.3);
  await expect(page).toHaveURL(/brush=/);
  const selectedBefore = await selectedLines(page).count();
  const urlBefore = page.url();

  await page.reload();
  await waitUntilReady(page);
  expect(page.url()).toBe(urlBefore);
  await expect(onlyDifferences).not.toBeChecked();
  await expect(plots.getByRole('checkbox', { name: 'Box plot' })).toBeChecked();
  await expect(plots.getByRole('checkbox', { name: 'Heatmap' })).toBeChecked();
  await expect(page.getByRole('figure', { name: /^Box plot of mean_test_score grouped by C/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: /^Heatmap of mean_test_score over C and kernel/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: /^Scatter of mean_test_score against kernel/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: /coloured by std_test_score$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'mean_test_score: lower is better (switch)' })).toBeVisible();
  await parallelPanel.getByText('Axes (3)').click();
  await expect(parallelPanel.getByRole('checkbox', { name: 'C on a log scale' })).toBeChecked();
  await expect(selectedLines(page)).toHaveCount(selectedBefore);
  await expect(page.getByRole('status').filter({ hasText: `Showing ${selectedBefore} of 4 runs` })).toBeVisible();
});

test("the parent's Sweep tab: a 2 × 2 heatmap of the children's scores, the best child ranked first and linked, and Compare these", async ({
  page,
  manifest,
  mlflowUrl,
}) => {
  const { experimentId, parentId, children } = grid(manifest);
  await page.goto(`/experiments/${experimentId}/runs/${parentId}`);
  await page.getByRole('navigation', { name: 'Run sections' }).getByRole('link', { name: 'Sweep' }).click();
  await waitUntilReady(page);
  await expect(page.getByText(/4 child runs varying C, kernel/)).toBeVisible();

  const heatmap = page.getByRole('figure', { name: 'Heatmap of mean_test_score over kernel and C' });
  const cells = heatmap.locator('[data-cell]');
  await expect(cells).toHaveCount(4);
  const scores = await scoresFromServer(mlflowUrl, experimentId, parentId);
  for (const child of children) {
    const cell = heatmap.getByRole('button', { name: new RegExp(`^kernel ${child.params.kernel}, C ${child.params.C}: `) });
    const label = (await cell.getAttribute('aria-label'))!;
    const shown = Number(/: ([\d.e+-]+)/.exec(label)![1]);
    expect(shown, label).toBeCloseTo(scores.get(child.run_id)!, 5);
  }

  const table = page.getByRole('table', { name: 'Child runs by mean_test_score, best first' });
  const best = Math.max(...scores.values());
  const first = table.getByRole('row').nth(1);
  await expect(first.getByRole('cell').first()).toHaveText('1');
  await expect(first).toContainText('best');
  const firstRunName = (await first.getByRole('link').textContent())!;
  expect(scores.get(children.find((c) => c.run_name === firstRunName)!.run_id)).toBe(best);

  await page.getByRole('combobox', { name: 'Best' }).selectOption('3');
  await page.getByRole('link', { name: 'Compare these 3' }).click();
  await expect(page).toHaveURL(/\/compare\?runs=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparing 3 runs');
  await expect(page.getByRole('list', { name: 'Compared runs' }).getByRole('listitem')).toHaveCount(3);
});

test('a compare link can name its runs by a query: the best 2 runs of an experiment by accuracy, as MLflow orders them', async ({
  page,
  manifest,
  mlflowUrl,
}) => {
  const max = scenario(manifest, 'compare_max_depth');
  const response = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      experiment_ids: [max.experiment_id],
      order_by: ['metrics.`accuracy` DESC', 'attributes.start_time DESC'],
      max_results: 2,
    }),
  });
  const top = ((await response.json()) as { runs: { info: { run_name: string } }[] }).runs.map((run) => run.info.run_name);

  await page.goto(`/compare?experiments=${max.experiment_id}&orderByKey=metrics.accuracy&orderByAsc=false&count=2`);
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparing the first 2 runs of a query');
  await expect(page.getByRole('list', { name: 'Compared runs' }).getByRole('link')).toHaveText(top);
});
