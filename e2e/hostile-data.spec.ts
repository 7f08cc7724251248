// Hostile data (e2e/data/scenarios/hostile.py) in every view that shows it: each value appears
// as literal text, no payload runs (the canary window.__pwned stays unset), no CSP violation or
// page error is reported, and every page reaches its ready state.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures.ts';
import type { Manifest, ScenarioManifest } from './harness/populate.ts';
import { ArtifactsPage } from './pages/artifacts-page.ts';
import { ExperimentListPage } from './pages/experiment-list-page.ts';
import { expectInert, hoverReadout } from './pages/inert-page.ts';
import { RunPageObject } from './pages/run-page.ts';
import { RunTablePage } from './pages/run-table-page.ts';

interface HostileRun {
  name: string;
  params: Record<string, string>;
  tags: Record<string, string>;
  metric_keys: string[];
}

interface HostileManifest extends ScenarioManifest {
  runs: { hostile_a: string; hostile_b: string; nanosecond_times: string; big_steps: string };
  experiment_tags: Record<string, string>;
  hostile_runs: { hostile_a: HostileRun; hostile_b: HostileRun };
  links: Record<string, string>;
  formulas: Record<string, string>;
  odd_keys: { accepted: { metrics: string[]; params: string[]; tags: string[] } };
  long_values: Record<'param' | 'tag' | 'experiment_tag', { key: string; logged: number; stored: number }>;
  nanosecond_times: { start_time: string; metric_key: string };
  big_steps: Record<string, string>;
  dataset_names: string[];
  artifacts: {
    hostile_name: string;
    colon_name: string;
    percent_name: string;
    deep_json: string;
    wide_csv: string;
    svg: string;
    html: string;
    stepped_images: string[];
  };
  logged_models: { model_id: string; name: string }[];
}

const hostileOf = (manifest: Manifest) => {
  const found = manifest.hostile;
  if (!found) throw new Error('no hostile scenario in the manifest');
  return found as HostileManifest;
};

const titleOf = (mlflowUrl: string, ...parts: string[]) => [...parts, new URL(mlflowUrl).host, 'Runlens'].join(' · ');
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Every string field of a run that a view shows as one value, with the column id the run table gives it. */
function shownValues(run: HostileRun): { columnId: string; value: string }[] {
  const short = (value: string) => value.length <= 120; // longer ones are truncated in cells (checked apart)
  return [
    ...Object.entries(run.params)
      .filter(([, v]) => short(v))
      .map(([k, v]) => ({ columnId: `params.${k}`, value: v })),
    ...Object.entries(run.tags)
      .filter(([k, v]) => !k.startsWith('mlflow.') && short(v))
      .map(([k, v]) => ({ columnId: `tags.${k}`, value: v })),
  ];
}

async function cellText(runs: RunTablePage, runName: string, columnId: string): Promise<string> {
  const index = await runs.table.locator(`thead th[title="${columnId}"]`).getAttribute('aria-colindex');
  if (!index) throw new Error(`no column ${columnId}`);
  return (await runs.row(runName).locator(`[aria-colindex="${index}"]`).textContent()) ?? '';
}

test.describe('hostile data is shown as text and runs nothing', () => {
  test('experiment list: the hostile name, description and tags', async ({ page, manifest, mlflowUrl, pageProblems }) => {
    const hostile = hostileOf(manifest);
    const list = new ExperimentListPage(page);
    await list.goto();
    const row = list.row(hostile.experiment_name);
    await expect(row.getByRole('link', { name: hostile.experiment_name, exact: true })).toBeVisible();
    const description = hostile.experiment_tags['mlflow.note.content']!;
    await expect(row.getByText(description.split('\n')[0]!.trim(), { exact: true })).toBeVisible();
    const tags = row.getByRole('list', { name: 'Tags' });
    await expect(tags.getByText(`owner: ${hostile.experiment_tags.owner}`, { exact: true })).toBeVisible();
    await expect(tags.getByText(`link: ${hostile.experiment_tags.link}`, { exact: true })).toBeVisible();
    await expect(page).toHaveTitle(titleOf(mlflowUrl, 'Experiments'));
    await expectInert(page, pageProblems);
  });

  test('run table: names, params, tags, odd keys and bad metrics in their cells; the title', async ({
    page,
    manifest,
    mlflowUrl,
    pageProblems,
  }) => {
    const hostile = hostileOf(manifest);
    const { hostile_a: a, hostile_b: b } = hostile.hostile_runs;
    const values = shownValues(a);
    const runs = new RunTablePage(page);
    // The hostile columns pinned, so all of them are drawn at once.
    const oddKeyColumns = (['params', 'metrics', 'tags'] as const).flatMap((kind) =>
      hostile.odd_keys.accepted[kind].map((key) => `${kind}.${key}`),
    );
    const pinned = [
      ...new Set([...values.map((v) => v.columnId), 'metrics.nan_metric', 'metrics.pos_inf', 'metrics.neg_inf', ...oddKeyColumns]),
    ];
    await runs.goto(hostile.experiment_id, `?pin=${encodeURIComponent(pinned.join(','))}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostile.experiment_name);
    await expect(page).toHaveTitle(titleOf(mlflowUrl, hostile.experiment_name, 'Experiment'));
    expect(await runs.names()).toEqual(expect.arrayContaining([a.name, b.name, 'nanosecond-times', 'big-steps']));

    for (const { columnId, value } of values) expect.soft(await cellText(runs, a.name, columnId), columnId).toBe(value);
    for (const { columnId, value } of shownValues(b)) expect.soft(await cellText(runs, b.name, columnId), columnId).toBe(value);
    expect(await cellText(runs, a.name, 'metrics.nan_metric')).toBe('NaN');
    expect(await cellText(runs, a.name, 'metrics.pos_inf')).toBe('∞');
    expect(await cellText(runs, a.name, 'metrics.neg_inf')).toBe('-∞');

    // Unicode, slashed, dotted and spaced keys are columns of each kind.
    for (const id of oddKeyColumns) {
      const key = id.slice(id.indexOf('.') + 1);
      await expect.soft(runs.table.locator(`thead th[title="${id}"]`), id).toHaveText(key);
    }
    await expectInert(page, pageProblems);
  });

  test('run table: the 6,000-character param and the longest tag open whole in the full-text dialog', async ({
    page,
    manifest,
    pageProblems,
  }) => {
    const hostile = hostileOf(manifest);
    const a = hostile.hostile_runs.hostile_a;
    const runs = new RunTablePage(page);
    const { param, tag } = hostile.long_values;
    expect(param.stored).toBe(6000);
    await runs.goto(hostile.experiment_id, `?pin=${encodeURIComponent(`params.${param.key},tags.${tag.key}`)}`);
    for (const [key, value] of [
      [param.key, a.params[param.key]!],
      [tag.key, a.tags[tag.key]!],
    ] as const) {
      await runs
        .row(a.name)
        .getByRole('button', { name: `Show all of ${key} (${value.length.toLocaleString('en-US')} characters)` })
        .click();
      const dialog = page.getByRole('dialog', { name: key });
      await expect(dialog.locator('pre')).toHaveText(value, { useInnerText: false });
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    await expectInert(page, pageProblems);
  });

  test('CSV export: every hostile value as text, formulas defused', async ({ page, manifest, pageProblems }) => {
    const hostile = hostileOf(manifest);
    const { hostile_a: a, hostile_b: b } = hostile.hostile_runs;
    const runs = new RunTablePage(page);
    await runs.goto(hostile.experiment_id);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const text = await readFile(await (await download).path(), 'utf8');
    const [header, ...rows] = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
    const col = (name: string) => header!.indexOf(name);
    const rowOf = (run: HostileRun) => rows.find((row) => row[col('run_name')] === run.name)!;
    expect(rowOf(a)).toBeDefined();
    expect(rowOf(b)).toBeDefined();
    const defused = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    for (const run of [a, b]) {
      for (const [key, value] of Object.entries(run.params)) expect.soft(rowOf(run)[col(`params.${key}`)], key).toBe(defused(value));
      for (const [key, value] of Object.entries(run.tags).filter(([k]) => !k.startsWith('mlflow.')))
        expect.soft(rowOf(run)[col(`tags.${key}`)], key).toBe(defused(value));
    }
    for (const key of Object.keys(hostile.formulas)) expect(rowOf(a)[col(`params.${key}`)]!.startsWith("'")).toBe(true);
    expect(rowOf(a)[col('metrics.nan_metric')]).toBe('NaN');
    expect(rowOf(a)[col(`tags.${hostile.long_values.tag.key}`)]).toHaveLength(hostile.long_values.tag.stored);
    await expectInert(page, pageProblems);
  });

  test('run page overview: heading, breadcrumb, title, params, tags, source, description, dataset, model', async ({
    page,
    manifest,
    mlflowUrl,
    pageProblems,
  }) => {
    const hostile = hostileOf(manifest);
    const a = hostile.hostile_runs.hostile_a;
    const run = new RunPageObject(page);
    await run.goto(hostile.experiment_id, hostile.runs.hostile_a);
    await expect(run.heading().getByText(a.name, { exact: true })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: hostile.experiment_name, exact: true }),
    ).toBeVisible();
    await expect(page).toHaveTitle(titleOf(mlflowUrl, a.name, 'Run'));
    expect(await page.evaluate(() => document.head.querySelector('title')?.childElementCount)).toBe(0);

    const params = run.section('Parameters');
    for (const [key, value] of Object.entries(a.params).filter(([, v]) => v.length <= 500)) {
      await expect
        .soft(
          params
            .getByRole('row')
            .filter({ has: page.getByRole('rowheader', { name: key, exact: true }) })
            .getByRole('cell'),
          key,
        )
        .toHaveText(value);
    }
    const tags = run.section('Tags');
    for (const [key, value] of Object.entries(a.tags).filter(([k, v]) => !k.startsWith('mlflow.') && v.length <= 500)) {
      await expect
        .soft(
          tags
            .getByRole('row')
            .filter({ has: page.getByRole('rowheader', { name: key, exact: true }) })
            .getByRole('cell'),
          key,
        )
        .toHaveText(value);
    }
    // Link-shaped values, in user tags and in the tags MLflow's UI links, are plain text.
    for (const value of Object.values(hostile.links)) await expect(tags.getByText(value.trim())).toBeVisible();
    const systemTags = run.section('System tags');
    await expect(systemTags.getByText(a.tags['mlflow.source.name']!, { exact: true })).toBeVisible();
    await expect(systemTags.getByText(a.tags['mlflow.source.git.repoURL']!.trim())).toBeVisible();
    const details = page.locator('.run-overview > dl');
    await expect(details.getByText(a.tags['mlflow.source.name']!, { exact: true })).toBeVisible();
    await expect(details.getByRole('link', { name: /9ea8b5e1ab/ })).toHaveCount(0); // the repo URL is not a web address

    // Markdown: raw HTML is text, script-scheme links are not links, the https link is.
    const description = run.section('Description');
    await expect(description.getByText(/<img src=x onerror="window.__pwned='run-description-html'">/)).toBeVisible();
    await expect(description.getByText(/<script>window.__pwned='run-description-script'<\/script>/)).toBeVisible();
    for (const label of ['md-js', 'md-data', 'md-vb', 'md-spaced']) {
      await expect(description.getByText(label, { exact: true })).toBeVisible();
      await expect(description.getByRole('link', { name: label })).toHaveCount(0);
    }
    await expect(description.getByRole('link', { name: 'safe link' })).toHaveAttribute('href', 'https://mlflow.org');

    await expect(details.getByText(hostile.dataset_names[0]!, { exact: true })).toBeVisible();
    await expect(details.getByRole('link', { name: hostile.logged_models[0]!.name, exact: true })).toBeVisible();

    const metrics = run.section('Metrics');
    const latest = (key: string) =>
      metrics
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: key, exact: true }) })
        .getByRole('cell')
        .first();
    await expect(latest('nan_metric')).toHaveText('NaN');
    await expect(latest('pos_inf')).toHaveText('∞');
    await expect(latest('neg_inf')).toHaveText('-∞');
    // Each odd key was logged once as a metric (train/loss has a history of its own after it).
    for (const key of hostile.odd_keys.accepted.metrics.filter((k) => k !== 'train/loss')) await expect(latest(key)).toHaveText('0.25');
    await expectInert(page, pageProblems);
  });

  test('run page metrics: chart titles and the hover readout name the run as text', async ({ page, manifest, pageProblems }) => {
    const hostile = hostileOf(manifest);
    const a = hostile.hostile_runs.hostile_a;
    const run = new RunPageObject(page);
    await run.goto(hostile.experiment_id, hostile.runs.hostile_a, '/metrics');
    for (const key of hostile.odd_keys.accepted.metrics) {
      const chart = await run.drawnChart(key);
      await expect(chart.locator('figcaption').getByText(key, { exact: true })).toBeVisible();
    }
    // train/loss has NaN and +∞ in its history: drawn with gaps, without throwing.
    const readout = await hoverReadout(page, await run.drawnChart('train/loss'));
    expect(readout.map((row) => row.name)).toEqual([a.name]);
    await expectInert(page, pageProblems);
  });

  test('compare view of the two hostile runs: run list, table, chart legend and hover readout', async ({
    page,
    manifest,
    mlflowUrl,
    pageProblems,
  }) => {
    const hostile = hostileOf(manifest);
    const { hostile_a: a, hostile_b: b } = hostile.hostile_runs;
    await page.goto(`/compare?runs=${hostile.runs.hostile_a},${hostile.runs.hostile_b}`);
    await waitUntilReady(page);
    const compared = page.getByRole('list', { name: 'Compared runs' });
    for (const run of [a, b]) {
      await expect(compared.getByRole('link', { name: run.name, exact: true })).toBeVisible();
      await expect(page.locator('.compare-table thead').getByText(run.name, { exact: true })).toBeVisible();
    }
    await expect(page).toHaveTitle(titleOf(mlflowUrl, 'Compare 2 runs'));
    const table = page.locator('.compare-table');
    for (const key of ['html', 'svg', 'script']) {
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: key, exact: true }) });
      await expect(row.getByRole('cell')).toHaveText([a.params[key]!, b.params[key]!]);
    }
    const chart = page.getByRole('figure', { name: 'Chart of train/loss' });
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('svg.recharts-surface').waitFor();
    await waitUntilReady(page);
    await expect(chart.getByRole('list', { name: 'Runs in train/loss' }).getByRole('listitem')).toHaveText([a.name, b.name]);
    const readout = await hoverReadout(page, chart);
    expect(readout.map((row) => row.name).sort()).toEqual([a.name, b.name].sort());
    await expectInert(page, pageProblems);
  });

  test('steps above 2^53 are shown exactly in the hover readout', async ({ page, manifest, pageProblems }) => {
    const hostile = hostileOf(manifest);
    const run = new RunPageObject(page);
    await run.goto(hostile.experiment_id, hostile.runs.big_steps, '/metrics');
    for (const [key, step] of Object.entries(hostile.big_steps)) {
      const readout = await hoverReadout(page, await run.drawnChart(key));
      expect
        .soft(
          readout.map((row) => row.x),
          key,
        )
        .toEqual([BigInt(step).toLocaleString('en-US')]);
    }
    await page.mouse.move(0, 0);
    await expectInert(page, pageProblems);
  });

  test('times logged in nanoseconds: run page, time axis and run table render without throwing', async ({
    page,
    manifest,
    pageProblems,
  }) => {
    const hostile = hostileOf(manifest);
    const run = new RunPageObject(page);
    await run.goto(hostile.experiment_id, hostile.runs.nanosecond_times);
    await expect(run.heading()).toContainText('nanosecond-times');
    const started = page.locator('.run-overview > dl dt:text-is("Started") + dd');
    await expect(started).not.toBeEmpty();
    await run.goto(hostile.experiment_id, hostile.runs.nanosecond_times, '/metrics', '?x=time');
    const chart = await run.drawnChart(hostile.nanosecond_times.metric_key);
    await expect(chart.locator('.recharts-cartesian-axis-tick-value').first()).toBeVisible();
    await hoverReadout(page, chart);
    await page.mouse.move(0, 0);
    await expectInert(page, pageProblems);
    const runs = new RunTablePage(page);
    await runs.goto(hostile.experiment_id);
    await expect(runs.row('nanosecond-times')).toBeVisible();
    await expectInert(page, pageProblems);
  });
});

test.describe('hostile artifacts', () => {
  const open = async (page: Page, manifest: Manifest, path = '') => {
    const hostile = hostileOf(manifest);
    const artifacts = new ArtifactsPage(page);
    await artifacts.goto(hostile.experiment_id, hostile.runs.hostile_a, path);
    return { hostile, artifacts };
  };

  test('a file named with a payload is listed, previewed and downloadable under its literal name', async ({
    page,
    manifest,
    pageProblems,
  }) => {
    const { hostile, artifacts } = await open(page, manifest);
    const name = hostile.artifacts.hostile_name;
    await artifacts.open(name);
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(artifacts.detail.getByRole('link', { name: 'Download', exact: true })).toHaveAttribute('download', name);
    await expect(artifacts.detail.getByText(/<svg onload="window.__pwned='artifact-content'">/)).toBeVisible();
    await expectInert(page, pageProblems);
  });

  test('names with a colon and a bare percent sign are previewed and downloadable', async ({ page, manifest, pageProblems }) => {
    const { hostile, artifacts } = await open(page, manifest);
    for (const [name, content] of [
      [hostile.artifacts.colon_name, 'a root name with a colon'],
      [hostile.artifacts.percent_name, 'a name with a bare percent sign'],
    ] as const) {
      await artifacts.open(name);
      await expect.soft(artifacts.detail.getByText(content), name).toBeVisible();
      const href = await artifacts.detail.getByRole('link', { name: 'Download', exact: true }).getAttribute('href');
      const response = await page.request.get(href!);
      expect.soft(response.status(), `download of ${name}`).toBe(200);
    }
    await expectInert(page, pageProblems);
  });

  test('stepped images (log_image with a step) are listed, previewed and downloadable', async ({ page, manifest, pageProblems }) => {
    const { hostile, artifacts } = await open(page, manifest);
    const images = hostile.artifacts.stepped_images.filter((path) => path.endsWith('.png'));
    expect(images.some((path) => path.includes('%step%3%'))).toBe(true);
    expect(images.some((path) => path.includes('+step+3+'))).toBe(true);
    await artifacts.open('images/');
    for (const path of images) {
      await expect(artifacts.tree.getByRole('link', { name: baseName(path), exact: true })).toBeVisible();
      await artifacts.open(baseName(path));
      const image = artifacts.detail.getByRole('img', { name: baseName(path) });
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { message: `preview of ${path}` })
        .toBe(32);
      const href = await artifacts.detail.getByRole('link', { name: 'Download', exact: true }).getAttribute('href');
      const response = await page.request.get(href!);
      expect.soft(response.status(), `download of ${path}`).toBe(200);
      if (response.ok()) expect((await response.body()).subarray(1, 4).toString()).toBe('PNG');
    }
    await expectInert(page, pageProblems);
  });

  test('a JSON file nested 5,000 levels deep: the preview panel copes, the page keeps working', async ({
    page,
    manifest,
    pageProblems,
  }) => {
    const { hostile, artifacts } = await open(page, manifest, hostilePath(manifest, 'deep_json'));
    await expectPanelCopes(page, artifacts, hostile.artifacts.deep_json);
    await artifacts.open(hostile.artifacts.svg);
    await expect(artifacts.detail.getByRole('img', { name: hostile.artifacts.svg })).toBeVisible();
    await expectInert(page, pageProblems);
  });

  test('a CSV with 200,000 columns: the preview is capped or refused, the page keeps working', async ({ page, manifest, pageProblems }) => {
    const { hostile, artifacts } = await open(page, manifest, hostilePath(manifest, 'wide_csv'));
    await expectPanelCopes(page, artifacts, hostile.artifacts.wide_csv);
    // Whatever is drawn of the table is a bounded part of it.
    expect(await artifacts.detail.getByRole('columnheader').count()).toBeLessThan(2000);
    await artifacts.open(hostile.artifacts.svg);
    await expect(artifacts.detail.getByRole('img', { name: hostile.artifacts.svg })).toBeVisible();
    await expectInert(page, pageProblems);
  });

  test('an SVG with scripts is shown as an image, its scripts inert', async ({ page, manifest, pageProblems }) => {
    const { hostile, artifacts } = await open(page, manifest, hostilePath(manifest, 'svg'));
    const image = artifacts.detail.getByRole('img', { name: hostile.artifacts.svg });
    expect(await image.evaluate((img) => img.tagName)).toBe('IMG');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    await expectInert(page, pageProblems);
  });

  test("an HTML file's script cannot reach the parent, cookies, storage or the API", async ({ page, manifest, pageProblems }) => {
    const { hostile } = await open(page, manifest, hostilePath(manifest, 'html'));
    const frame = page.frameLocator(`iframe[title="Preview of ${hostile.artifacts.html}"]`);
    await expect(frame.locator('#script')).toHaveText('script: ran');
    await expect(frame.locator('#parent')).toHaveText(/^parent: blocked/);
    await expect(frame.locator('#cookie')).toHaveText(/^cookie: blocked/);
    await expect(frame.locator('#storage')).toHaveText(/^storage: blocked/);
    await expect(frame.locator('#api')).toHaveText(/^api: blocked/);
    await expect(page.locator('iframe').first()).toHaveAttribute('sandbox', 'allow-scripts');
    // The frame's own CSP refusing its fetch is the defence working; it is the only report allowed.
    const own = pageProblems.filter((p) => !/^CSP violation: connect-src .*\/mlflow\/api\/2\.0\/mlflow\/experiments\/search/.test(p));
    await expectInert(page, own);
  });

  test('a logged model with a payload for a name is listed as text, its MLmodel shown as text', async ({
    page,
    manifest,
    pageProblems,
  }) => {
    const { hostile, artifacts } = await open(page, manifest);
    const model = hostile.logged_models[0]!;
    await artifacts.open(model.name);
    await expect(artifacts.tree.getByRole('link', { name: model.name, exact: true })).toHaveAttribute(
      'href',
      new RegExp(`model=${model.model_id}`),
    );
    await expect(artifacts.detail.getByText(/window.__pwned='mlmodel-loader'/).first()).toBeVisible();
    await expectInert(page, pageProblems);
  });
});

function hostilePath(manifest: Manifest, kind: 'deep_json' | 'wide_csv' | 'svg' | 'html'): string {
  return hostileOf(manifest).artifacts[kind];
}

/** A huge or pathological file: a message or a bounded view inside the preview panel, never a blank page. */
async function expectPanelCopes(page: Page, artifacts: ArtifactsPage, name: string): Promise<void> {
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  const shown = artifacts.detail
    .getByRole('region', { name: new RegExp(`^Contents of`) })
    .or(artifacts.detail.getByRole('status'))
    .or(artifacts.detail.getByRole('alert'))
    .or(artifacts.detail.getByRole('note'));
  await expect(shown.first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Run sections' })).toBeVisible();
  await expect(artifacts.tree.getByRole('link', { name: 'Run artifacts' })).toBeVisible();
}
