// What is measured, per dataset. Loads are repeated and the median kept (once for 100k runs).
import type { Browser } from '@playwright/test';
import {
  heapMb,
  launch,
  MLFLOW_UI_ROW,
  openPage,
  readBench,
  RUNLENS_ROW,
  scrollTable,
  transferredBytes,
  waitForBench,
  waitReady,
  type RemoteNetwork,
} from './browser.ts';
import type { Dataset } from './datasets.ts';
import { maxTask } from './page-probe.ts';
import { rawFirstPage, rawSearch } from './raw-api.ts';

export interface Result {
  name: string;
  runlens_ms: number | null;
  mlflow_ui_ms: number | null;
  raw_api_ms: number | null;
  max_task_ms: number | null;
  runlens_heap_mb?: number;
  /** Bytes on the wire (Runlens) and uncompressed bodies (raw API), for the bytes rows. */
  runlens_bytes?: number;
  raw_bytes?: number;
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

async function runlensLoad(browser: Browser, servers: Servers, experimentId: string, network?: RemoteNetwork) {
  const page = await openPage(browser, `${servers.runlens}/experiments/${experimentId}`, RUNLENS_ROW, 0, network);
  const first = await waitForBench(page, 'firstRow');
  const all = await waitForBench(page, 'allRows');
  await waitReady(page);
  const bench = await readBench(page);
  const bytes = await transferredBytes(page, '/runs/search');
  return {
    page,
    firstRow: first.firstRow ?? NaN,
    tableRow: bench.tableRow ?? NaN,
    allRows: all.allRows ?? NaN,
    maxTask: maxTask(bench),
    bytes,
  };
}

/** 50 Mbit/s and 40 ms round trips: a browser on a VPN or in another region. */
const REMOTE: RemoteNetwork = { mbitPerSecond: 50, rttMs: 40 };

/** One load of each over the throttled network: as served, and with compression refused. */
async function remoteRows(browser: Browser, servers: Servers, experimentId: string, label: string): Promise<Result[]> {
  const compressed = await runlensLoad(browser, servers, experimentId, REMOTE);
  await compressed.page.context().close();
  const plain = await runlensLoad(browser, servers, experimentId, { ...REMOTE, refuseCompression: true });
  await plain.page.context().close();
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  return [
    {
      name: `${label} remote`,
      runlens_ms: round(compressed.allRows),
      mlflow_ui_ms: null,
      raw_api_ms: round(plain.allRows),
      max_task_ms: round(compressed.maxTask),
      runlens_bytes: compressed.bytes.wire,
      raw_bytes: plain.bytes.wire,
      note: `all rows through Chromium's throttling (${REMOTE.mbitPerSecond} Mbit/s, ${REMOTE.rttMs} ms RTT); raw api column = the same load with compression refused (Accept-Encoding: identity, as a proxy without compression sends it); runs/search on the wire ${mb(compressed.bytes.wire)} vs ${mb(plain.bytes.wire)}; first rows ${round(compressed.firstRow)} vs ${round(plain.firstRow)} ms`,
    },
  ];
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
  await rawFirstPage(servers.mlflow, experimentId);
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
      const rawFirst: number[] = [];
      for (let i = 0; i < repeats; i++) {
        rawFirst.push(await rawFirstPage(servers.mlflow, experimentId));
        raw.push(await rawSearch(servers.mlflow, experimentId));
      }
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
        raw_api_ms: round(median(rawFirst)),
        max_task_ms: null,
        note: `raw = the same first page (50 runs) fetched and parsed in Node; Runlens = the first rows on the page (drawn by runlens serve into index.html, docs/first-rows.md); the app's own table shows its first row at ${round(median(loads.map((l) => l.tableRow)))} ms`,
      });
      results.push({
        name: dataset.name === '1500x1500' ? `${label} open` : `${label} all rows`,
        runlens_ms: round(median(loads.map((l) => l.allRows))),
        mlflow_ui_ms: null,
        raw_api_ms: round(median(raw.map((r) => r.allMs))),
        max_task_ms: round(median(loads.map((l) => l.maxTask))),
        note: `${raw[0]?.runs.toLocaleString()} runs; raw = pages of 1,000 one after another, as mlflow.search_runs pages; Runlens: ${median(loads.map((l) => l.bytes.requests))} runs/search requests; mlflow ui loads 100 per "Load more", so it has no comparable figure`,
      });
      if (dataset.name === '10k') {
        results.push({
          name: `${label} bytes`,
          runlens_ms: null,
          mlflow_ui_ms: null,
          raw_api_ms: null,
          max_task_ms: null,
          runlens_bytes: round(median(loads.map((l) => l.bytes.wire))),
          raw_bytes: raw[0]?.bytes ?? 0,
          note: `runs/search on the wire (headers included) for every run, vs the raw API's uncompressed bodies; Runlens's bodies decoded: ${(median(loads.map((l) => l.bytes.decoded)) / 1e6).toFixed(1)} MB`,
        });
        log(`measuring ${label} over a throttled network (once each)`);
        // A failure here is reported as a row; it never costs the rows measured above.
        results.push(
          ...(await remoteRows(browser, servers, experimentId, label).catch((error: unknown) => [
            {
              name: `${label} remote`,
              runlens_ms: null,
              mlflow_ui_ms: null,
              raw_api_ms: null,
              max_task_ms: null,
              note: `failed: ${String(error).slice(0, 300)}`,
            },
          ])),
        );
      }
    }
  } finally {
    await browser.close();
  }
  // Rows in a stable order for reading.
  return results.sort((a, b) => a.name.localeCompare(b.name));
}
