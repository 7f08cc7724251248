// CSV export: what the table shows, every run, safe to open in a spreadsheet.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import { RunTablePage } from './pages/run-table-page.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

async function serverRunIds(mlflowUrl: string, experimentId: string): Promise<string[]> {
  const res = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [experimentId], max_results: 1000 }),
  });
  return ((await res.json()) as { runs: { info: { run_id: string } }[] }).runs.map((run) => run.info.run_id);
}

test('exports every run with the shown columns, values intact and formulas defused', async ({ page, manifest, mlflowUrl }) => {
  const edge = scenario(manifest, 'edge cases <b>bold</b> & "quotes" 汉字');
  const runs = new RunTablePage(page);
  await runs.goto(edge.experiment_id, '?hide=metrics.gappy');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const text = await readFile(await file.path(), 'utf8');
  const [header, ...rows] = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;

  expect(header!.slice(0, 4)).toEqual(['run_id', 'experiment_id', 'parent_run_id', 'run_name']);
  expect(header).toEqual(
    expect.arrayContaining(['status', 'params.long_param', 'params.formula_param', 'metrics.nan_metric', 'metrics.pos_inf']),
  );
  expect(header).not.toContain('metrics.gappy');
  // Every run once, collapsed children included.
  expect(rows.map((row) => row[0]).sort()).toEqual((await serverRunIds(mlflowUrl, edge.experiment_id)).sort());

  const col = (name: string) => header!.indexOf(name);
  const hostile = rows.find((row) => row[col('run_name')] === '<img src=x onerror=alert(1)>')!;
  expect(hostile[col('params.long_param')]).toHaveLength(6000);
  expect(hostile[col('metrics.nan_metric')]).toBe('NaN');
  expect(hostile[col('metrics.pos_inf')]).toBe('Infinity');
  expect(hostile[col('metrics.normal')]).toBe('0.5');
  // A spreadsheet sees text, not a formula.
  expect(hostile[col('params.formula_param')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  const child = rows.find((row) => row[col('run_name')] === 'child')!;
  expect(child[col('parent_run_id')]).toBe(rows.find((row) => row[col('run_name')] === 'parent')![0]);
});

test('exports only the selected runs on request', async ({ page, manifest }) => {
  const max = scenario(manifest, 'compare_max_depth');
  const runs = new RunTablePage(page);
  await runs.goto(max.experiment_id);
  await page.getByRole('checkbox', { name: 'Select max_depth=4' }).check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export selected' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  const [header, ...rows] = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
  expect(rows).toHaveLength(1);
  expect(rows[0]![header!.indexOf('run_name')]).toBe('max_depth=4');
  expect(rows[0]![header!.indexOf('params.max_depth')]).toBe('4');
});
