// The chart view beside the run table draws the table's first N runs, in the table's order,
// and follows a change of sort: checked against the real server's own order (runs/search).
import { expect, test, waitUntilReady } from './fixtures.ts';
import { RunTablePage } from './pages/run-table-page.ts';

async function firstRunNames(mlflowUrl: string, experimentId: string, orderBy: string, count: number): Promise<string[]> {
  const response = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [experimentId], order_by: [orderBy], max_results: count }),
  });
  const body = (await response.json()) as { runs: { info: { run_name: string } }[] };
  return body.runs.map((run) => run.info.run_name);
}

test('the chart view draws the table’s first N runs and follows a sort change', async ({ page, manifest, mlflowUrl, pageProblems }) => {
  const experiment = manifest['many_runs']!;
  const runs = new RunTablePage(page);
  await runs.goto(experiment.experiment_id);
  await page.getByRole('group', { name: 'Show runs as' }).getByRole('button', { name: 'Charts' }).click();
  await waitUntilReady(page);
  await expect(page).toHaveURL(/view=charts/);

  // loss and accuracy are logged once per run: one bar per drawn run.
  const lossBars = page
    .locator('figure', { has: page.getByText('Bar chart of loss, one bar per run') })
    .locator('g[role="img"][data-run-id]');
  const barNames = async () =>
    (await lossBars.evaluateAll((bars) => bars.map((bar) => bar.getAttribute('aria-label') ?? ''))).map((label) =>
      label.replace(/: .*$/, ''),
    );
  expect(await barNames()).toEqual(await firstRunNames(mlflowUrl, experiment.experiment_id, 'attributes.start_time DESC', 10));
  await expect(page.getByText(/Drawing the first/)).toContainText('(10 of 150 shown)');

  // 20 runs, in the URL.
  await page.getByRole('combobox', { name: 'Runs drawn' }).selectOption('20');
  await waitUntilReady(page);
  await expect(page).toHaveURL(/chartRuns=20/);
  const byStart = await firstRunNames(mlflowUrl, experiment.experiment_id, 'attributes.start_time DESC', 20);
  expect(await barNames()).toEqual(byStart);

  // Sort the table by loss and come back: the charts follow the table's new order.
  await page.getByRole('group', { name: 'Show runs as' }).getByRole('button', { name: 'Table' }).click();
  await waitUntilReady(page);
  await runs.sortBy('loss');
  await expect(page).toHaveURL(/orderByKey=metrics.loss/);
  const sorted = (await runs.allNames()).slice(0, 20);
  expect(sorted).not.toEqual(byStart);
  await page.getByRole('group', { name: 'Show runs as' }).getByRole('button', { name: 'Charts' }).click();
  await waitUntilReady(page);
  expect(await barNames()).toEqual(sorted);

  // Runs selected in the table are drawn instead of the first N, in the table's order.
  await page.getByRole('group', { name: 'Show runs as' }).getByRole('button', { name: 'Table' }).click();
  await waitUntilReady(page);
  for (const name of [sorted[3]!, sorted[1]!]) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('group', { name: 'Show runs as' }).getByRole('button', { name: 'Charts' }).click();
  await waitUntilReady(page);
  await expect(page.getByText(/Drawing the 2 selected runs/)).toBeVisible();
  expect(await barNames()).toEqual([sorted[1], sorted[3]]);
  expect(pageProblems).toEqual([]);
});

test('a click on a legend entry hides that run from every chart, and a second click brings it back', async ({
  page,
  manifest,
  pageProblems,
}) => {
  const experiment = manifest['report_metrics']!;
  await page.goto(`/experiments/${experiment.experiment_id}?view=charts&metrics=curve`);
  await waitUntilReady(page);
  const chart = page.getByRole('figure', { name: /^Chart of curve by step/ });
  await expect(chart).toHaveAccessibleName(/: 3 runs, 150 logged values/);
  const entry = chart.getByRole('list', { name: 'Runs in curve' }).getByRole('button', { name: 'report-b' });
  await expect(entry).toHaveAttribute('aria-pressed', 'true');

  await entry.click();
  await waitUntilReady(page);
  await expect(chart).toHaveAccessibleName(/: 2 runs, 100 logged values/);
  await expect(entry).toHaveAttribute('aria-pressed', 'false');
  await expect(page).toHaveURL(new RegExp(`hiddenRuns=${experiment.runs['report_b']}`));

  // The link keeps it hidden; a second click shows it again.
  await page.reload();
  await waitUntilReady(page);
  await expect(chart).toHaveAccessibleName(/: 2 runs, 100 logged values/);
  await entry.click();
  await waitUntilReady(page);
  await expect(chart).toHaveAccessibleName(/: 3 runs, 150 logged values/);
  expect(pageProblems).toEqual([]);
});
