// What is measured, per dataset. Loads are repeated and the median kept (once for 100k runs).
import type { Browser } from '@playwright/test';
import type { HistoryExperiment } from './history-dataset.ts';
import { heapMb, launch, MLFLOW_UI_ROW, openPage, readBench, RUNLENS_ROW, scrollTable, waitForBench, waitReady } from './browser.ts';
import type { Dataset } from './datasets.ts';
import { maxTask } from './page-probe.ts';
import { rawSearch } from './raw-api.ts';

export interface Result {
  name: string;
  runlens_ms: number | null;
  mlflow_ui_ms: number | null;
  raw_api_ms: number | null;
  max_task_ms: number | null;
  runlens_heap_mb?: number;
  note?: string;
}

interface Servers {
  runlens: string;
  mlflow: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};
const round = (v: number) => Math.round(v);

async function runlensLoad(browser: Browser, servers: Servers, experimentId: string) {
  const page = await openPage(browser, `${servers.runlens}/experiments/${experimentId}`, RUNLENS_ROW);
  const first = await waitForBench(page, 'firstRow');
  const all = await waitForBench(page, 'allRows');
  await waitReady(page);
  const bench = await readBench(page);
  return { page, firstRow: first.firstRow ?? NaN, allRows: all.allRows ?? NaN, maxTask: maxTask(bench) };
}

async function mlflowUiFirstRows(browser: Browser, servers: Servers, experimentId: string): Promise<number> {
  const page = await openPage(browser, `${servers.mlflow}/#/experiments/${experimentId}/runs`, MLFLOW_UI_ROW);
  const bench = await waitForBench(page, 'firstRow', 120_000);
  await page.context().close();
  return bench.firstRow ?? NaN;
}

/** Time from a click on a column's sort button until the table shows the new order. */
async function sortTime(page: import('@playwright/test').Page, header: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((done) => {
        const th = Array.from(document.querySelectorAll('section[aria-label="Runs"] thead th')).find(
          (el) => el.textContent?.replace(/[▲▼]/g, '').trim() === name,
        );
        const button = th?.querySelector('button');
        if (!th || !button) return done(NaN);
        const started = performance.now();
        button.click();
        const poll = () =>
          th.isConnected && th.getAttribute('aria-sort') !== 'none'
            ? requestAnimationFrame(() => done(performance.now() - started))
            : requestAnimationFrame(poll);
        requestAnimationFrame(poll);
      }),
    header,
  );
}

/** How long a closed page's last upstream request may still keep the server busy. */
const SETTLE_MS = 5_000;

/**
 * One untimed pass of each path before any sample. The server's worker processes start cold
 * (imports, connection pools), and which path meets a cold worker is luck: the raw API's one
 * keep-alive connection warms one worker, the browser's connections through the proxy reach
 * every worker. After this, every timed sample of every path is taken warm.
 */
async function warmUp(browser: Browser, servers: Servers, experimentId: string): Promise<void> {
  await rawSearch(servers.mlflow, experimentId, true);
  const runlens = await openPage(browser, `${servers.runlens}/experiments/${experimentId}`, RUNLENS_ROW);
  await waitForBench(runlens, 'firstRow');
  await runlens.context().close();
  await mlflowUiFirstRows(browser, servers, experimentId);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

export async function measureAll(
  servers: Servers,
  sets: { dataset: Dataset; experimentId: string }[],
  log: (line: string) => void,
): Promise<Result[]> {
  const browser = await launch();
  const results: Result[] = [];
  try {
    for (const { dataset, experimentId } of sets) {
      const label = dataset.name === '10k' ? '10k-runs' : dataset.name === '100k' ? '100k-runs' : dataset.name;
      const repeats = dataset.runs >= 50_000 ? 1 : 3;
      log(`measuring ${label} (${repeats}×, after a warm-up)`);
      await warmUp(browser, servers, experimentId);
      const raw = [];
      for (let i = 0; i < repeats; i++) raw.push(await rawSearch(servers.mlflow, experimentId));
      const loads = [];
      for (let i = 0; i < repeats; i++) {
        const load = await runlensLoad(browser, servers, experimentId);
        const last = i === repeats - 1;
        loads.push({ ...load, page: undefined });
        if (!last) await load.page.context().close();
        else {
          if (dataset.name === '10k') {
            const sortMs = await sortTime(load.page, 'Duration');
            results.push({
              name: `${label} sort`,
              runlens_ms: round(sortMs),
              mlflow_ui_ms: null,
              raw_api_ms: null,
              max_task_ms: null,
              note: 'click on the Duration header until the re-sorted table is drawn',
            });
            results.push({
              name: `${label} heap`,
              runlens_ms: null,
              mlflow_ui_ms: null,
              raw_api_ms: null,
              max_task_ms: null,
              runlens_heap_mb: Math.round((await heapMb(load.page)) * 10) / 10,
            });
          }
          if (dataset.name === '1500x1500') {
            const scroll = await scrollTable(load.page, 150, { down: true, right: true });
            results.push({
              name: `${label} scroll`,
              runlens_ms: null,
              mlflow_ui_ms: null,
              raw_api_ms: null,
              max_task_ms: round(scroll.maxTaskMs),
              note: `diagonal scroll to the far corner, 150 frames; ${scroll.reached}`,
            });
          }
          if (dataset.name === '100k') {
            const scroll = await scrollTable(load.page, 300, { down: true, right: false });
            results.push({
              name: `${label} scroll`,
              runlens_ms: null,
              mlflow_ui_ms: null,
              raw_api_ms: null,
              max_task_ms: round(scroll.maxTaskMs),
              note: `top to bottom, 300 frames; ${scroll.reached}`,
            });
          }
          await load.page.context().close();
        }
      }
      const ui: number[] = [];
      if (dataset.name !== '100k') for (let i = 0; i < repeats; i++) ui.push(await mlflowUiFirstRows(browser, servers, experimentId));
      results.push({
        name: `${label} first rows`,
        runlens_ms: round(median(loads.map((l) => l.firstRow))),
        mlflow_ui_ms: ui.length ? round(median(ui)) : null,
        raw_api_ms: round(median(raw.map((r) => r.firstPageMs))),
        max_task_ms: null,
      });
      results.push({
        name: dataset.name === '1500x1500' ? `${label} open` : `${label} all rows`,
        runlens_ms: round(median(loads.map((l) => l.allRows))),
        mlflow_ui_ms: null,
        raw_api_ms: round(median(raw.map((r) => r.allMs))),
        max_task_ms: round(median(loads.map((l) => l.maxTask))),
        note: `${raw[0]?.runs.toLocaleString()} runs; mlflow ui loads 100 per "Load more", so it has no comparable figure`,
      });
    }
  } finally {
    await browser.close();
  }
  // Rows in a stable order for reading.
  return results.sort((a, b) => a.name.localeCompare(b.name));
}

/** Full history of one metric of one run, paged like Runlens pages it, parsed. */
export async function rawHistory(base: string, runId: string): Promise<number> {
  let token: string | undefined;
  let points = 0;
  for (;;) {
    const query = new URLSearchParams({ run_id: runId, metric_key: 'loss', max_results: '25000', ...(token ? { page_token: token } : {}) });
    const page = (await (await fetch(`${base}/api/2.0/mlflow/metrics/get-history?${query.toString()}`)).json()) as {
      metrics?: unknown[];
      next_page_token?: string;
    };
    points += page.metrics?.length ?? 0;
    if (!page.next_page_token || !page.metrics?.length || page.next_page_token === token) return points;
    token = page.next_page_token;
  }
}

/**
 * Charts: 10 runs × 100,000 steps of one metric drawn in the compare view (one chart, 10 lines)
 * against the raw history fetches (10 in parallel); and a 1,000,000-step run on its run page.
 */
export async function measureHistory(servers: Servers, history: HistoryExperiment, log: (line: string) => void): Promise<Result[]> {
  const browser = await launch();
  try {
    log('measuring charts (3×)');
    const raw: number[] = [];
    const drawn: number[] = [];
    const tasks: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await Promise.all(history.tenRuns.map((runId) => rawHistory(servers.mlflow, runId)));
      raw.push(performance.now() - started);
      const page = await openPage(
        browser,
        `${servers.runlens}/compare?runs=${history.tenRuns.join(',')}&metrics=loss&plots=`,
        'nothing',
        10,
      );
      const bench = await waitForBench(page, 'chartDrawn');
      await waitReady(page);
      drawn.push(bench.chartDrawn ?? NaN);
      tasks.push(maxTask(await readBench(page)));
      await page.context().close();
    }
    const millionRaw = performance.now();
    const millionPoints = await rawHistory(servers.mlflow, history.millionRun);
    const millionRawMs = performance.now() - millionRaw;
    const page = await openPage(
      browser,
      `${servers.runlens}/experiments/${history.experimentId}/runs/${history.millionRun}/metrics?metrics=loss`,
      'nothing',
      1,
    );
    const million = await waitForBench(page, 'chartDrawn');
    await waitReady(page);
    const millionTask = maxTask(await readBench(page));
    await page.context().close();
    return [
      {
        name: 'chart 10x100k drawn',
        runlens_ms: round(median(drawn)),
        mlflow_ui_ms: null,
        raw_api_ms: round(median(raw)),
        max_task_ms: round(median(tasks)),
        note: 'compare view, one chart of 10 runs; raw = the 10 full histories fetched in parallel',
      },
      {
        name: 'chart 1M-step run drawn',
        runlens_ms: round(million.chartDrawn ?? NaN),
        mlflow_ui_ms: null,
        raw_api_ms: round(millionRawMs),
        max_task_ms: round(millionTask),
        note: `${millionPoints.toLocaleString()} points`,
      },
    ];
  } finally {
    await browser.close();
  }
}
