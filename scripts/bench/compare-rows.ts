// Compare and sweep rows (issue 12), on the `sweep` dataset: one parent with 1,000 children,
// each with 20 params and 20 single-step metrics.
// - compare 100 runs: the table, parallel coordinates and 20 bar charts, from navigation to
//   the ready signal, with the longest main-thread task (target ≤ 200 ms); raw = the same
//   runs/search answered to a plain fetch;
// - brush 500 runs: a brush dragged on the parallel coordinates' metric axis of a 500-run
//   compare, the longest task from the gesture to the filtered table (target ≤ 50 ms), and the
//   JS heap with 500 runs compared (target < 200 MB);
// - sweep 1,000 children: the parent's Sweep tab, navigation to ready (target: no task > 200 ms).
import type { Browser, Page } from '@playwright/test';
import { heapMb, launch, openPage, readBench, waitReady } from './browser.ts';
import type { Result } from './measure.ts';
import { maxTask } from './page-probe.ts';

interface Servers {
  runlens: string;
  mlflow: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

async function rawTop(mlflow: string, experimentId: string, count: number): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${mlflow}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      experiment_ids: [experimentId],
      order_by: ['metrics.`metric_0000` DESC', 'attributes.start_time DESC'],
      max_results: count,
      run_view_type: 'ACTIVE_ONLY',
    }),
  });
  await res.json();
  return performance.now() - started;
}

export async function parentOf(mlflow: string, experimentId: string): Promise<string> {
  const res = await fetch(`${mlflow}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ experiment_ids: [experimentId], filter: "attributes.run_name = 'run-000000'", max_results: 1 }),
  });
  const body = (await res.json()) as { runs: { info: { run_id: string } }[] };
  const id = body.runs[0]?.info.run_id;
  if (!id) throw new Error('the sweep parent run-000000 is missing');
  return id;
}

/** Navigation to the ready signal, and the longest task of the load (page clock). */
async function load(browser: Browser, url: string): Promise<{ page: Page; ms: number; maxTaskMs: number }> {
  const page = await openPage(browser, url, 'main h1');
  await waitReady(page);
  const ms = await page.evaluate(() => performance.now());
  return { page, ms, maxTaskMs: maxTask(await readBench(page)) };
}

/** Drags a brush over the top third of the last parallel-coordinates axis; the longest task from the gesture until the table is filtered. */
async function brush(page: Page): Promise<{ maxTaskMs: number; kept: string }> {
  const overlay = page.locator('.parallel-coordinates__brush').last().locator('rect.overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  if (!box) throw new Error('no parallel-coordinates brush to drag');
  const since = await page.evaluate(() => performance.now());
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + 1);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height / 3, { steps: 10 });
  await page.mouse.up();
  // Waits that cost the page nothing: Playwright's role queries walk the whole DOM on the page's
  // own main thread and would be measured as the page's long tasks.
  await page.waitForURL(/[?&]brush=/, { timeout: 60_000 });
  await page.waitForSelector('.compare-page [role=status]:has-text("Showing")', { timeout: 60_000 });
  await waitReady(page);
  // A frame later, so a task the filtering started has been recorded.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const maxTaskMs = maxTask(await readBench(page), since);
  const kept = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll('.compare-page [role=status]'), (el) => el.textContent ?? '').find((t) =>
        t.startsWith('Showing'),
      ) ?? '',
  );
  return { maxTaskMs, kept };
}

export async function measureCompare(servers: Servers, experimentId: string, log: (line: string) => void): Promise<Result[]> {
  const parentId = await parentOf(servers.mlflow, experimentId);
  const query = (count: number) => `${servers.runlens}/compare?experiments=${experimentId}&orderByKey=metrics.metric_0000&count=${count}`;
  const browser = await launch();
  try {
    log('measuring compare of 100 runs (3×)');
    const compare100: { ms: number; task: number }[] = [];
    const raw100: number[] = [];
    for (let i = 0; i < 3; i++) {
      raw100.push(await rawTop(servers.mlflow, experimentId, 100));
      const { page, ms, maxTaskMs } = await load(browser, query(100));
      const bars = await page.locator('figure.chart-bars').count();
      if (bars !== 20) throw new Error(`compare of 100 runs drew ${bars} bar charts, not 20`);
      compare100.push({ ms, task: maxTaskMs });
      await page.context().close();
    }

    log('measuring a brush over 500 compared runs (3×)');
    const brushes: { task: number; heap: number; kept: string }[] = [];
    const raw500: number[] = [];
    const load500: number[] = [];
    for (let i = 0; i < 3; i++) {
      raw500.push(await rawTop(servers.mlflow, experimentId, 500));
      const { page, ms } = await load(browser, query(500));
      load500.push(ms);
      const heap = await heapMb(page);
      const { maxTaskMs, kept } = await brush(page);
      brushes.push({ task: maxTaskMs, heap, kept });
      await page.context().close();
    }

    log('measuring the sweep tab of 1,000 children (3×)');
    const sweep: { ms: number; task: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const { page, ms, maxTaskMs } = await load(browser, `${servers.runlens}/experiments/${experimentId}/runs/${parentId}/sweep`);
      const lines = await page.locator('path.parallel-coordinates__line').count();
      if (lines !== 1000) throw new Error(`the sweep tab drew ${lines} lines, not 1,000`);
      sweep.push({ ms, task: maxTaskMs });
      await page.context().close();
    }

    const worst = (values: number[]) => Math.round(Math.max(...values));
    return [
      {
        name: 'compare 100 runs',
        runlens_ms: Math.round(median(compare100.map((c) => c.ms))),
        mlflow_ui_ms: null,
        raw_api_ms: Math.round(median(raw100)),
        max_task_ms: worst(compare100.map((c) => c.task)),
        note: '100 runs × 20 params × 20 single-step metrics by query: table, parallel coordinates, scatter and 20 bar charts, navigation to ready; max task = the worst of 3 loads; raw = the same runs/search',
      },
      {
        name: 'brush 500 runs',
        runlens_ms: Math.round(median(load500)),
        mlflow_ui_ms: null,
        raw_api_ms: Math.round(median(raw500)),
        max_task_ms: worst(brushes.map((b) => b.task)),
        runlens_heap_mb: Math.round(Math.max(...brushes.map((b) => b.heap))),
        note: `500 runs compared (load to ready in runlens column); max task = from the brush gesture until the table is filtered, worst of 3 (${brushes[0]?.kept}); heap = JS heap with 500 runs compared, after GC`,
      },
      {
        name: 'sweep 1,000 children',
        runlens_ms: Math.round(median(sweep.map((s) => s.ms))),
        mlflow_ui_ms: null,
        raw_api_ms: null,
        max_task_ms: worst(sweep.map((s) => s.task)),
        note: 'the Sweep tab of a parent with 1,000 children (20 varying params: parallel coordinates of 1,000 lines, the best 100 in the table), navigation to ready',
      },
    ];
  } finally {
    await browser.close();
  }
}
