// The chart rows: 10 runs × 100,000 steps of one metric drawn in the compare view (one chart,
// 10 lines) against the raw history fetches (10 in parallel); and a 1,000,000-step run on its
// run page's Metrics tab against its raw history. Each is loaded 3 times and the median kept.
// "Drawn" is every point drawn: the chart's `data-points="complete"` marker
// (docs/charts-performance.md), not the sampled first draw, whose time goes in the note.
import type { Browser, Page } from '@playwright/test';
import type { HistoryExperiment } from './history-dataset.ts';
import { launch, openPage, readBench, waitForBench, waitReady } from './browser.ts';
import type { Result } from './measure.ts';
import { maxTask, type PageBench } from './page-probe.ts';

interface Servers {
  runlens: string;
  mlflow: string;
}

const LOADS = 3;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};
const round = (v: number) => Math.round(v);

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

/** Until every point is drawn (the probe's chartComplete), then ready; what the page saw meanwhile. */
async function waitComplete(page: Page): Promise<PageBench> {
  await page.waitForFunction(() => (window as unknown as { __bench: PageBench }).__bench.chartComplete !== null, undefined, {
    timeout: 600_000,
    polling: 50,
  });
  await waitReady(page);
  return readBench(page);
}

interface Load {
  rawMs: number;
  completeMs: number;
  firstDrawMs: number;
  maxTaskMs: number;
  points: number;
}

/** One raw fetch of the histories, then one page load of the chart, timed on the page's clock. */
async function load(browser: Browser, runIds: string[], url: string, servers: Servers, lines: number): Promise<Load> {
  const started = performance.now();
  const counts = await Promise.all(runIds.map((runId) => rawHistory(servers.mlflow, runId)));
  const rawMs = performance.now() - started;
  const page = await openPage(browser, url, 'nothing', lines);
  try {
    await waitForBench(page, 'chartDrawn');
    const bench = await waitComplete(page);
    return {
      rawMs,
      completeMs: bench.chartComplete ?? NaN,
      firstDrawMs: bench.chartDrawn ?? NaN,
      maxTaskMs: maxTask(bench),
      points: counts.reduce((a, b) => a + b, 0),
    };
  } finally {
    await page.context().close();
  }
}

function row(name: string, loads: Load[], what: string): Result {
  const first = median(loads.map((l) => l.firstDrawMs));
  const complete = median(loads.map((l) => l.completeMs));
  const sampled = first < complete - 1;
  return {
    name,
    runlens_ms: round(complete),
    mlflow_ui_ms: null,
    raw_api_ms: round(median(loads.map((l) => l.rawMs))),
    max_task_ms: round(median(loads.map((l) => l.maxTaskMs))),
    note:
      `${what}; ${(loads[0]?.points ?? 0).toLocaleString('en-US')} points; ` +
      `first draw ${sampled ? '(sampled) ' : ''}at ${round(first).toLocaleString('en-US')} ms; ` +
      `max task per load ${loads.map((l) => round(l.maxTaskMs)).join(', ')} ms`,
  };
}

export async function measureHistory(servers: Servers, history: HistoryExperiment, log: (line: string) => void): Promise<Result[]> {
  const browser = await launch();
  try {
    log(`measuring charts (${LOADS}× each)`);
    const compare: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      const url = `${servers.runlens}/compare?runs=${history.tenRuns.join(',')}&metrics=loss&plots=`;
      compare.push(await load(browser, history.tenRuns, url, servers, 10));
    }
    const million: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      const url = `${servers.runlens}/experiments/${history.experimentId}/runs/${history.millionRun}/metrics?metrics=loss`;
      million.push(await load(browser, [history.millionRun], url, servers, 1));
    }
    return [
      row('chart 10x100k drawn', compare, 'compare view, one chart of 10 runs; raw = the 10 full histories fetched in parallel'),
      row('chart 1M-step run drawn', million, 'run page Metrics tab; raw = its full history'),
    ];
  } finally {
    await browser.close();
  }
}
