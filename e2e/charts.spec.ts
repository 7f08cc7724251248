// Metric charts against the real server: every point drawn, spikes kept, controls change the drawing.
import { readFile } from 'node:fs/promises';
import { paths } from '../src/config/paths.ts';
import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import { RunPageObject } from './pages/run-page.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

test("the quickstart's foo chart has its 3 points", async ({ page, manifest }) => {
  const quickstart = scenario(manifest, 'quickstart');
  const run = new RunPageObject(page);
  await run.goto(quickstart.experiment_id, quickstart.runs.quickstart as string, '/metrics');
  const chart = await run.drawnChart('foo');
  await expect(chart.locator('.recharts-line-dot')).toHaveCount(3);
  await expect(chart).toContainText('3 points');
});

test('the long history shows its one-step spike; ignoring outliers, smoothing, log scale and x axis change the drawing', async ({
  page,
  manifest,
}) => {
  const dynamics = scenario(manifest, 'training-dynamics');
  const spike = (dynamics.long_history as { spike_value: number }).spike_value;
  const run = new RunPageObject(page);
  await run.goto(dynamics.experiment_id, dynamics.runs.long_history as string, '/metrics');
  const points = (dynamics.long_history as { loss_points: number }).loss_points;
  let chart = await run.drawnChart('loss');
  await expect(chart).toContainText(`${points.toLocaleString('en-US')} points`);
  // The machine-readable "every point is drawn" (docs/charts-performance.md).
  await expect(chart.locator('.chart-card__body')).toHaveAttribute('data-points', 'complete');
  // The y axis reaches the spike: 1 step of 10,000 is drawn, not sampled away.
  expect(Math.max(...(await run.yTicks(chart)))).toBeGreaterThanOrEqual(spike * 0.8);

  await page.getByRole('checkbox', { name: 'Ignore outliers' }).check();
  chart = await run.drawnChart('loss');
  await expect.poll(async () => Math.max(...(await run.yTicks(chart)))).toBeLessThan(spike / 2);
  await page.getByRole('checkbox', { name: 'Ignore outliers' }).uncheck();

  const raw = await run.linePath(chart);
  await page.getByRole('slider', { name: 'Smoothing' }).fill('0.9');
  await expect.poll(() => run.linePath(chart)).not.toBe(raw);
  expect(new URL(page.url()).searchParams.get('smoothing')).toBe('0.9');

  const linear = await run.yTicks(chart);
  await page.getByRole('checkbox', { name: 'Log scale' }).check();
  await expect.poll(() => run.yTicks(chart)).not.toEqual(linear);
  expect(new URL(page.url()).searchParams.get('y')).toBe('log');

  await page.getByRole('combobox', { name: 'X axis' }).selectOption('relative');
  await expect(chart).toContainText('Relative time');
  await expect(chart.locator('text.recharts-cartesian-axis-tick-value[orientation="bottom"]').nth(1)).toContainText(/ (s|min|h)$/);

  // All of it survives a reload.
  await page.reload();
  chart = await run.drawnChart('loss');
  await expect(page.getByRole('checkbox', { name: 'Log scale' })).toBeChecked();
  await expect(chart).toContainText('Relative time');
});

test('a history still loading is drawn from a server sample, marked as one, then with every point', async ({
  page,
  manifest,
  pageProblems,
}) => {
  const dynamics = scenario(manifest, 'training-dynamics');
  const points = (dynamics.long_history as { loss_points: number }).loss_points;
  // The full history is held back, as a million points would be, so the sample comes first.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.endsWith('/metrics/get-history'),
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await page.goto(paths.runMetrics.getHref(dynamics.experiment_id, dynamics.runs.long_history as string));
  const chart = new RunPageObject(page).chart('loss');
  const body = chart.locator('.chart-card__body');
  await expect(body).toHaveAttribute('data-points', 'sampled');
  await expect(chart).toContainText('sampled · loading every point');
  await expect(body.locator('path.recharts-line-curve')).toHaveCount(1);
  // A sample is not the finished picture: the page does not say it is ready, nor offer exports.
  await expect(page.locator('html')).toHaveAttribute('data-runlens-state', 'loading');
  await expect(chart.getByRole('button', { name: 'CSV' })).toBeDisabled();

  release();
  await expect(body).toHaveAttribute('data-points', 'complete');
  await waitUntilReady(page);
  await expect(chart).toContainText(`${points.toLocaleString('en-US')} points`);
  await expect(chart).not.toContainText('sampled');
  expect(pageProblems).toEqual([]);
});

test('the CSV export of a chart holds every logged point', async ({ page, manifest }) => {
  const dynamics = scenario(manifest, 'training-dynamics');
  const run = new RunPageObject(page);
  await run.goto(dynamics.experiment_id, dynamics.runs.long_history as string, '/metrics');
  const chart = await run.drawnChart('loss');
  const download = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'CSV' }).click();
  const lines = (await readFile(await (await download).path(), 'utf8')).trim().split('\r\n');
  expect(lines[0]).toBe('run_id,run_name,metric,step,timestamp,value');
  expect(lines).toHaveLength(1 + (dynamics.long_history as { loss_points: number }).loss_points);
  const spike = (dynamics.long_history as { spike_value: number; spike_step: number }).spike_value;
  expect(lines.some((line) => line.split(',')[3] === '7000' && Number(line.split(',')[5]) === spike)).toBe(true);
});

test('a metric history with NaN and infinity draws its finite points as a line with gaps', async ({ page, manifest, pageProblems }) => {
  const edge = scenario(manifest, 'edge cases <b>bold</b> & "quotes" 汉字');
  const run = new RunPageObject(page);
  await run.goto(edge.experiment_id, edge.runs.hostile as string, '/metrics');
  const chart = await run.drawnChart('gappy');
  await expect(chart.locator('.recharts-line-dot')).toHaveCount(4);
  await expect(run.chart('nan_metric')).toContainText('No finite value to draw');
  expect(pageProblems).toEqual([]);
});
