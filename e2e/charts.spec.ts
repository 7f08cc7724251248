// Metric charts against the real server: every point drawn, spikes kept, controls change the drawing.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
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
