// The column chooser, selection, grouping and long values, against the real server.
import { expect, test, waitUntilReady as runsReady } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import { RunTablePage } from './pages/run-table-page.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

test('the column chooser hides, pins, finds columns and shows system tags on request', async ({ page, manifest }) => {
  const runs = new RunTablePage(page);
  await runs.goto(scenario(manifest, 'compare_max_depth').experiment_id);
  expect(await runs.headers()).toEqual(expect.arrayContaining(['Run name', 'Status', 'max_depth', 'accuracy', 'f1']));
  expect(await runs.headers()).not.toContain('mlflow.user');

  const chooser = await runs.openColumnChooser();
  await chooser.getByRole('searchbox', { name: 'Search columns' }).fill('F1');
  await expect(chooser.getByRole('listitem')).toHaveCount(1);
  await chooser.getByRole('checkbox', { name: /f1/ }).uncheck();
  await expect(runs.header('f1')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('hide')).toBe('metrics.f1');

  await chooser.getByRole('searchbox', { name: 'Search columns' }).fill('accuracy');
  await chooser.getByRole('button', { name: 'Pin accuracy' }).click();
  await expect.poll(() => runs.headers().then((h) => h.slice(0, 2))).toEqual(['Run name', 'accuracy']);

  await chooser.getByRole('checkbox', { name: 'System tags (mlflow.*)' }).check();
  await expect
    .poll(async () =>
      runs.scrollToColumn('mlflow.user').then(
        () => true,
        () => false,
      ),
    )
    .toBe(true);
  expect(new URL(page.url()).searchParams.get('systemTags')).toBe('true');
});

test('columns move left and right, and every arrangement survives a reload', async ({ page, manifest }) => {
  const runs = new RunTablePage(page);
  await runs.goto(scenario(manifest, 'compare_max_depth').experiment_id);
  const before = await runs.headers();
  const chooser = await runs.openColumnChooser();
  await chooser.getByRole('button', { name: 'Move Status right' }).click();
  const movedRight = await runs.headers();
  expect(movedRight.indexOf('Status')).toBe(before.indexOf('Status') + 1);
  await chooser.getByRole('button', { name: 'Move accuracy left' }).click();
  const moved = await runs.headers();
  expect(moved.indexOf('accuracy')).toBe(movedRight.indexOf('accuracy') - 1);
  expect(moved.indexOf('Status')).toBe(movedRight.indexOf('Status'));
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  await runs.sortBy('accuracy');
  await page.getByRole('checkbox', { name: 'Select max_depth=2' }).check();
  const names = await runs.names();
  const url = page.url();

  await page.reload();
  await runs.waitUntilReady();
  expect(page.url()).toBe(url);
  expect(await runs.headers()).toEqual(moved);
  expect(await runs.names()).toEqual(names);
  await expect(page.getByRole('checkbox', { name: 'Select max_depth=2' })).toBeChecked();
  await expect(runs.header('accuracy')).toHaveAttribute('aria-sort', /ascending|descending/);
});

test('shift-click selects a range; a parent selects its children; the selection is in the URL', async ({ page, manifest }) => {
  const autolog = scenario(manifest, 'sklearn-autolog');
  const runs = new RunTablePage(page);
  await runs.goto(autolog.experiment_id, '?orderByKey=attributes.run_name&orderByAsc=true');
  expect(await runs.names()).toEqual(['grid-search-cv', 'linear-regression', 'pipeline']);

  await page.getByRole('checkbox', { name: 'Select linear-regression' }).click();
  await page.getByRole('checkbox', { name: 'Select pipeline' }).click({ modifiers: ['Shift'] });
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select grid-search-cv' }).click();
  await expect(page.getByText('7 selected')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('selected')?.split(',')).toHaveLength(7);

  await page.getByRole('button', { name: 'Expand grid-search-cv' }).click();
  const children = (await runs.names()).slice(1, 5);
  for (const child of children) await expect(page.getByRole('checkbox', { name: `Select ${child}` })).toBeChecked();
  // Expansion is in the URL too.
  expect(new URL(page.url()).searchParams.get('expanded')).toBe(autolog.runs.grid_parent);
  await page.reload();
  await runs.waitUntilReady();
  expect(await runs.names()).toHaveLength(7);
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByRole('checkbox', { name: `Select ${children[0]}` })).not.toBeChecked();
});

test('group by a param shows each group with min, average and max of a metric', async ({ page, manifest, mlflowUrl }) => {
  const autolog = scenario(manifest, 'sklearn-autolog');
  const runs = new RunTablePage(page);
  await runs.goto(autolog.experiment_id);
  await page.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'kernel' });
  await expect(page).toHaveURL(/groupBy=params.kernel/);
  await expect(runs.row('kernel = linear')).toContainText('2 runs');
  await expect(runs.row('kernel = rbf')).toContainText('2 runs');

  // The truth: the children's mean_test_score per kernel, from the server.
  const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [autolog.experiment_id], filter: "params.kernel = 'rbf'" }),
  });
  const scores = ((await res.json()) as { runs: { data: { metrics?: { key: string; value: number }[] } }[] }).runs.map(
    (run) => run.data.metrics?.find((m) => m.key === 'mean_test_score')?.value as number,
  );
  expect(scores).toHaveLength(2);
  const text = await runs.cell('kernel = rbf', 'mean_test_score');
  const fmt = (v: number) => String(Number(v.toPrecision(6)));
  expect(text).toContain(fmt((scores[0]! + scores[1]!) / 2));
  expect(text).toContain(`${fmt(Math.min(...scores))} – ${fmt(Math.max(...scores))}`);
});

test('a 6,000-character param is cut in its cell and shown whole, with Copy, on request', async ({ page, manifest, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const edge = scenario(manifest, 'edge cases <b>bold</b> & "quotes" 汉字');
  const runs = new RunTablePage(page);
  await runs.goto(edge.experiment_id);
  const hostile = '<img src=x onerror=alert(1)>';
  const cell = await runs.cell(hostile, 'long_param');
  expect(cell.length).toBeLessThan(200);
  expect(cell.startsWith('[0000]-----[0011]')).toBe(true);

  await runs.row(hostile).getByRole('button', { name: 'Show all of long_param (6,000 characters)' }).click();
  const dialog = page.getByRole('dialog', { name: 'long_param' });
  await expect(dialog).toBeVisible();
  const full = await dialog.locator('pre').innerText();
  // The value the scenario logs: markers of their own offset, every 11 characters.
  const logged = Array.from({ length: Math.ceil(6000 / 11) }, (_, i) => `[${String(i * 11).padStart(4, '0')}]-----`)
    .join('')
    .slice(0, 6000);
  expect(full).toBe(logged);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog).toContainText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(full);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('a run name links to its run page', async ({ page, manifest }) => {
  const quickstart = scenario(manifest, 'quickstart');
  const runs = new RunTablePage(page);
  await runs.goto(quickstart.experiment_id);
  await runs.table.getByRole('link', { name: 'quickstart' }).click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${quickstart.experiment_id}/runs/${Object.values(quickstart.runs)[0]}$`));
});

test('runs of several experiments in one table, with an Experiment column', async ({ page, manifest }) => {
  const max = scenario(manifest, 'compare_max_depth');
  const quickstart = scenario(manifest, 'quickstart');
  await page.goto('/');
  await runsReady(page);
  await page.getByRole('checkbox', { name: 'Select compare_max_depth' }).check();
  await page.getByRole('checkbox', { name: 'Select quickstart' }).check();
  await page.getByRole('link', { name: 'Show runs of 2 experiments together' }).click();
  await expect(page).toHaveURL(/\/runs\?experiments=/);
  const runs = new RunTablePage(page);
  await runs.waitUntilReady();
  await expect(page.getByRole('heading', { name: 'Runs of 2 experiments' })).toBeVisible();
  expect([...(await runs.names())].sort()).toEqual(['max_depth=2', 'max_depth=4', 'max_depth=8', 'quickstart']);
  expect(await runs.cell('quickstart', 'Experiment')).toBe('quickstart');
  expect(await runs.cell('max_depth=4', 'Experiment')).toBe('compare_max_depth');
  expect(new URL(page.url()).searchParams.get('experiments')?.split(',').sort()).toEqual(
    [max.experiment_id, quickstart.experiment_id].sort(),
  );

  // Table state and the experiments live side by side in the URL.
  await runs.sortBy('Experiment');
  expect(new URL(page.url()).searchParams.get('experiments')?.split(',')).toHaveLength(2);
});

test('the Models column links a run to its logged model', async ({ page, manifest }) => {
  const elasticnet = scenario(manifest, 'elasticnet-diabetes');
  const runs = new RunTablePage(page);
  await runs.goto(elasticnet.experiment_id);
  expect(await runs.cell('elasticnet', 'Models')).toBe('1 model');
  await runs.row('elasticnet').getByRole('link', { name: '1 model' }).click();
  await expect(page).toHaveURL(/\/artifacts\?model=m-/);
});

test('selected runs open side by side: params, differences and one bar per run for a single-value metric', async ({ page, manifest }) => {
  const max = scenario(manifest, 'compare_max_depth');
  const runs = new RunTablePage(page);
  await runs.goto(max.experiment_id);
  await page.getByRole('checkbox', { name: 'Select max_depth=2' }).check();
  await page.getByRole('checkbox', { name: 'Select max_depth=8' }).check();
  await page.getByRole('link', { name: 'Compare 2 runs' }).click();
  await expect(page).toHaveURL(/\/compare\?runs=/);
  await runs.waitUntilReady();
  await expect(page.getByRole('heading', { name: 'Comparing 2 runs' })).toBeVisible();
  const depth = page.getByRole('row', { name: /max_depth/ }).first();
  await expect(depth).toContainText('2');
  await expect(depth).toContainText('8');
  await expect(page.getByRole('row', { name: /criterion/ })).toBeVisible();
  // Both runs use criterion=gini: "Only differences" hides it and keeps max_depth.
  await page.getByRole('checkbox', { name: 'Only differences' }).check();
  await expect(page.getByRole('row', { name: /criterion/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /max_depth/ }).first()).toBeVisible();

  // accuracy is logged once per run: a bar per run, named by the run.
  const chart = page.getByRole('figure', { name: /^Bar chart of accuracy/ });
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('[data-run-id]')).toHaveCount(2);
  await expect(chart.getByRole('img', { name: /^max_depth=2: / })).toHaveCount(1);
  await expect(chart.getByRole('img', { name: /^max_depth=8: / })).toHaveCount(1);

  // Embedded in a portal: the same view without Runlens's header.
  await page.goto(`${new URL(page.url()).pathname}${new URL(page.url()).search}&embed=true`);
  await runs.waitUntilReady();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open in Runlens ↗' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Comparing 2 runs' })).toBeVisible();
});

test('a param, a metric and a tag with the same key sit under different group headers, in the table and the chooser', async ({
  page,
  manifest,
  mlflowUrl,
  pageProblems,
}) => {
  const edge = scenario(manifest, 'edge cases <b>bold</b> & "quotes" 汉字');
  // The truth: a key the server holds as a param, a metric and a tag of one run.
  const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [edge.experiment_id], filter: "attributes.run_name = 'odd-keys'" }),
  });
  type KeyList = { key: string }[] | undefined;
  const [run] = ((await res.json()) as { runs: { data: { params?: KeyList; metrics?: KeyList; tags?: KeyList } }[] }).runs;
  const keysOf = (list: KeyList) => new Set((list ?? []).map((item) => item.key));
  const [params, metrics, tags] = [keysOf(run!.data.params), keysOf(run!.data.metrics), keysOf(run!.data.tags)];
  const key = [...params].filter((k) => metrics.has(k) && tags.has(k) && !k.startsWith('mlflow.')).sort()[0]!;
  expect(key, 'a key logged as param, metric and tag').toBeDefined();

  const runs = new RunTablePage(page);
  await runs.goto(edge.experiment_id);
  for (const [columnId, group] of [
    [`params.${key}`, 'Parameters'],
    [`metrics.${key}`, 'Metrics'],
    [`tags.${key}`, 'Tags'],
  ] as const) {
    await runs.scrollToColumnId(columnId);
    await expect(runs.headerById(columnId)).toHaveText(key);
    const above = await runs.groupAbove(columnId);
    expect(above?.name, columnId).toBe(group);
    // The group cell covers the column on screen too.
    expect(above!.box.x).toBeLessThanOrEqual(above!.columnBox.x + 1);
    expect(above!.box.x + above!.box.width).toBeGreaterThanOrEqual(above!.columnBox.x + above!.columnBox.width - 1);
    expect(above!.box.y + above!.box.height).toBeLessThanOrEqual(above!.columnBox.y + 1);
  }

  const chooser = await runs.openColumnChooser();
  await chooser.getByRole('searchbox', { name: 'Search columns' }).fill(key);
  for (const group of ['Parameters', 'Metrics', 'Tags']) {
    await expect(chooser.getByRole('list', { name: group }).getByRole('checkbox'), group).toHaveAccessibleName(key);
  }
  expect(pageProblems).toEqual([]);
});

test('the group row follows the columns: pinned, moved between groups, and sticky above the column headers', async ({ page, manifest }) => {
  const many = scenario(manifest, 'many-runs');
  const runs = new RunTablePage(page);
  await runs.goto(many.experiment_id);
  await expect(runs.groupHeaders('Parameters')).toHaveCount(1);
  await expect(runs.groupHeaders('Metrics')).toHaveCount(1);

  // The first metric moved left, in among the params: the params on either side get a cell each.
  const chooser = await runs.openColumnChooser();
  const namesIn = (group: string) =>
    chooser
      .getByRole('list', { name: group })
      .getByRole('listitem')
      .locator('label')
      .allInnerTexts()
      .then((texts) => texts.map((text) => text.trim()));
  const params = await namesIn('Parameters');
  const metric = (await namesIn('Metrics'))[0]!;
  expect(params.length).toBeGreaterThanOrEqual(2);
  await chooser.getByRole('button', { name: `Move ${metric} left` }).click();
  await expect(runs.groupHeaders('Parameters')).toHaveCount(2);
  for (const [columnId, group] of [
    [`params.${params.at(-2)}`, 'Parameters'],
    [`metrics.${metric}`, 'Metrics'],
    [`params.${params.at(-1)}`, 'Parameters'],
  ] as const) {
    await runs.scrollToColumnId(columnId);
    expect((await runs.groupAbove(columnId))?.name, columnId).toBe(group);
  }

  // Pinned: the metric's group cell is pinned with it, beside the run name's.
  await chooser.getByRole('button', { name: `Pin ${metric}` }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => runs.headers().then((h) => h.slice(0, 2))).toEqual(['Run name', metric]);
  const scroller = page.locator('.run-table-scroll');
  await scroller.evaluate((el) => el.scrollTo({ left: 0, top: 0 }));
  const pinned = await runs.groupAbove(`metrics.${metric}`);
  expect(pinned?.name).toBe('Metrics');
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth, top: 2000 }));
  await expect.poll(async () => Math.abs((await runs.groupAbove(`metrics.${metric}`))!.box.x - pinned!.box.x)).toBeLessThanOrEqual(1);

  // Scrolled down: both header rows stay at the top, the column headers right below the groups.
  const top = (await scroller.boundingBox())!.y;
  const after = (await runs.groupAbove(`metrics.${metric}`))!;
  expect(after.box.y).toBeGreaterThanOrEqual(top);
  expect(after.box.y).toBeLessThanOrEqual(top + 2);
  expect(Math.abs(after.columnBox.y - (after.box.y + after.box.height))).toBeLessThanOrEqual(1);
});
