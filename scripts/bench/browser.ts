// Measurements in Chromium: a fresh context per load (cold cache), the probe installed first.
import { chromium, type Browser, type Page } from '@playwright/test';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../../server/render/chromium.ts';
import { maxTask, PROBE, type PageBench } from './page-probe.ts';

/**
 * A run's name in the table, or in the first rows `runlens serve` draws into the page before the
 * app runs (docs/first-rows.md: a still picture of the same rows, replaced by the table).
 */
export const RUNLENS_ROW =
  'section[aria-label="Runs"] tbody th[scope=row] .run-name__text, #first-rows-preview tbody th[scope=row] .run-name__text';
export const MLFLOW_UI_ROW = '.ag-center-cols-container .ag-row, .ag-pinned-left-cols-container .ag-row';

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(process.env.CHROMIUM_PATH), args: HEADLESS_CHROMIUM_ARGS });
}

/** A browser that is not on the server's machine: Chromium's own throttling (DevTools' network conditions). */
export interface RemoteNetwork {
  mbitPerSecond: number;
  rttMs: number;
  /** Refuse compressed answers (Accept-Encoding: identity), as against a proxy that sends bodies as they are. */
  refuseCompression?: boolean;
}

export async function openPage(browser: Browser, url: string, rowSelector: string, chartLines = 0, network?: RemoteNetwork): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(`window.__benchRowSelector = ${JSON.stringify(rowSelector)}; window.__benchLines = ${chartLines};`);
  await context.addInitScript(PROBE);
  // Room for every request of a 100,000-run load (the default buffer keeps 250 entries).
  await context.addInitScript('performance.setResourceTimingBufferSize(100000)');
  // Chromium 156 has no Network.setAcceptedEncodings; a request header it does not override works.
  if (network?.refuseCompression) await context.setExtraHTTPHeaders({ 'accept-encoding': 'identity' });
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const bytesPerSecond = (network.mbitPerSecond * 1_000_000) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.rttMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
  }
  // The probe times everything from navigation start; nothing needs the load event (which a
  // throttled network can hold back past Playwright's 30 s).
  await page.goto(url, { waitUntil: 'commit' });
  return page;
}

/** Bytes of the page's requests: on the wire (headers and compressed bodies) and the bodies decoded. */
export async function transferredBytes(page: Page, urlPart: string): Promise<{ wire: number; decoded: number; requests: number }> {
  return page.evaluate((part) => {
    const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes(part));
    return {
      wire: entries.reduce((sum, e) => sum + e.transferSize, 0),
      decoded: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
      requests: entries.length,
    };
  }, urlPart);
}

export const readBench = (page: Page) => page.evaluate(() => (window as unknown as { __bench: PageBench }).__bench);

export async function waitForBench(page: Page, field: 'firstRow' | 'allRows' | 'chartDrawn', timeoutMs = 600_000): Promise<PageBench> {
  await page.waitForFunction((f) => (window as unknown as { __bench: Record<string, unknown> }).__bench[f] !== null, field, {
    timeout: timeoutMs,
    polling: 50,
  });
  return readBench(page);
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('html[data-runlens-state="ready"]', { timeout: 600_000 });
}

/** JS heap in use after a forced garbage collection, in MB. */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

/**
 * Scrolls the run table in `frames` steps, one per animation frame, from top-left to the far
 * corner given by `down`/`right`. Returns the longest main-thread task during the scroll, and
 * where the scroll ended (the last drawn row and column against the grid's size), so a scroll
 * that never moved cannot pass for a fast one.
 */
export async function scrollTable(
  page: Page,
  frames: number,
  direction: { down: boolean; right: boolean },
): Promise<{ maxTaskMs: number; reached: string }> {
  const since = await page.evaluate(() => performance.now());
  await page.evaluate(
    ({ frames, direction }) =>
      new Promise<void>((done) => {
        const el = document.querySelector('.run-table-scroll') as HTMLElement;
        let i = 0;
        const step = () => {
          i += 1;
          if (direction.down) el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / frames;
          if (direction.right) el.scrollLeft = ((el.scrollWidth - el.clientWidth) * i) / frames;
          if (i < frames) requestAnimationFrame(step);
          else setTimeout(done, 300);
        };
        requestAnimationFrame(step);
      }),
    { frames, direction },
  );
  const reached = await page.evaluate(() => {
    const table = document.querySelector('section[aria-label="Runs"] table');
    const last = (selector: string, attribute: string) =>
      Math.max(0, ...Array.from(document.querySelectorAll(selector), (el) => Number(el.getAttribute(attribute))));
    const rows = last('section[aria-label="Runs"] tbody tr[aria-rowindex]', 'aria-rowindex');
    const columns = last('section[aria-label="Runs"] thead th[aria-colindex]', 'aria-colindex');
    return `ended at row ${rows.toLocaleString('en-US')} of ${Number(table?.getAttribute('aria-rowcount')).toLocaleString('en-US')}, column ${columns} of ${table?.getAttribute('aria-colcount')}`;
  });
  return { maxTaskMs: maxTask(await readBench(page), since), reached };
}
