// One URL, one rendering: run colours by position, theme= and tz= from the URL whatever the
// browser's own settings, and the same view screenshotted twice gives the same bytes.
import type { Page } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

/** The first `count` runs of the 150-run sweep (sweep-000…), from the tracking server itself. */
async function sweepRuns(mlflowUrl: string, manifest: Manifest, count: number): Promise<string[]> {
  const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [scenario(manifest, 'many-runs').experiment_id], max_results: 1000 }),
  });
  const { runs } = (await res.json()) as { runs: { info: { run_id: string; run_name: string } }[] };
  return runs
    .map((r) => r.info)
    .sort((a, b) => a.run_name.localeCompare(b.run_name))
    .slice(0, count)
    .map((r) => r.run_id);
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const textColor = (page: Page) => page.evaluate(() => getComputedStyle(document.body).color);

test('a four-run comparison gives each run its own colour, the same in the run list and in the chart', async ({
  page,
  manifest,
  mlflowUrl,
}) => {
  const runIds = await sweepRuns(mlflowUrl, manifest, 4);
  await page.goto(`/compare?runs=${runIds.join(',')}`);
  await waitUntilReady(page);

  const swatches = await page
    .getByRole('list', { name: 'Compared runs' })
    .locator('.swatch')
    .evaluateAll((spans) => spans.map((s) => getComputedStyle(s).backgroundColor));
  expect(swatches).toHaveLength(4);
  expect(new Set(swatches).size).toBe(4);

  // Each run logged loss once: a bar chart, one bar per run in its colour.
  const chart = page.getByRole('figure', { name: /^Bar chart of loss/ });
  await expect(chart.locator('rect.chart-bar__rect')).toHaveCount(4);
  const lines = await chart.locator('rect.chart-bar__rect').evaluateAll((bars) => bars.map((b) => b.getAttribute('fill') ?? ''));
  expect(lines).toHaveLength(4);
  expect(new Set(lines).size).toBe(4);
  // Run i of the list is bar i of the chart.
  expect(lines.map(rgb)).toEqual(swatches);
});

test('theme=dark is dark on a light system and theme=light is light on a dark one; no theme follows the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/?theme=dark');
  await waitUntilReady(page);
  await expect.poll(() => background(page)).toBe('rgb(15, 18, 22)');
  expect(await textColor(page)).toBe('rgb(230, 233, 238)');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/?theme=light');
  await waitUntilReady(page);
  await expect.poll(() => background(page)).toBe('rgb(255, 255, 255)');
  expect(await textColor(page)).toBe('rgb(27, 31, 36)');

  await page.goto('/');
  await waitUntilReady(page);
  await expect.poll(() => background(page)).toBe('rgb(15, 18, 22)');
});

test.describe('in a browser whose own zone is New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test("tz= sets the zone of the run's start time: Asia/Tokyo is 9 hours ahead of UTC", async ({ page, manifest, mlflowUrl }) => {
    const quickstart = scenario(manifest, 'quickstart');
    const runId = quickstart.runs.quickstart as string;
    const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/get?run_id=${runId}`);
    const startTime = Number(((await res.json()) as { run: { info: { start_time: string | number } } }).run.info.start_time);

    const started = async (tz: string) => {
      await page.goto(`/experiments/${quickstart.experiment_id}/runs/${runId}?tz=${tz}`);
      await waitUntilReady(page);
      const text = (await page.locator('dt:text-is("Started") + dd').textContent()) ?? '';
      expect(text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      return Date.parse(`${text.replace(' ', 'T')}:00Z`);
    };
    const utc = await started('UTC');
    const tokyo = await started('Asia%2FTokyo');
    // Shown to the minute: the server's start time, floored, in UTC.
    expect(utc).toBe(Math.floor(startTime / 60_000) * 60_000);
    expect(tokyo - utc).toBe(9 * 3_600_000);
  });
});

test('the same view screenshotted in two fresh pages gives byte-identical PNGs', async ({ browser, baseURL, manifest, mlflowUrl }) => {
  const runIds = await sweepRuns(mlflowUrl, manifest, 4);
  const shot = async () => {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, timezoneId: 'UTC', locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`/compare?runs=${runIds.join(',')}&render=1&theme=light&tz=UTC`);
    await waitUntilReady(page);
    await page.evaluate(() => document.fonts.ready);
    const png = await page.screenshot({ fullPage: true, animations: 'disabled' });
    await context.close();
    return png;
  };
  const first = await shot();
  const second = await shot();
  expect(first.length).toBeGreaterThan(10_000);
  expect(second.equals(first)).toBe(true);
});
