// The run table's first rows before the page's code arrives (docs/first-rows.md): `runlens serve`
// sends the table's first runs/search page upstream when it serves the page, draws its rows into
// index.html, and the page's own identical request is answered with it. Watched from both ends:
// the fault link between Runlens and MLflow records what reaches the tracking server, the browser
// what the page sent, got and showed.
import type { Page, Request } from '@playwright/test';
import { runTableFirstRequest } from '../contract/run-table-request.ts';
import { paths } from '../src/config/paths.ts';
import { expect, test, waitUntilReady } from './fixtures.ts';
import { startRunlensBehindFaultLink } from './harness/fault-link.ts';
import type { Manifest } from './harness/populate.ts';
import { RunTablePage } from './pages/run-table-page.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

interface WireRuns {
  runs?: { info: { run_id: string; run_name: string }; data?: { tags?: { key: string; value: string }[] } }[];
}

/** What MLflow answers the run table's first request for `href`. */
async function firstPageOf(mlflowUrl: string, href: string): Promise<WireRuns> {
  const url = new URL(href, 'http://runlens.test');
  const response = await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(runTableFirstRequest(url.pathname, url.searchParams)!.body),
  });
  return (await response.json()) as WireRuns;
}

/** The names of a first page's top rows as the table nests them (a run under a parent on the page is not one), cut at 200 characters. */
function topNames(page: WireRuns): string[] {
  const runs = page.runs ?? [];
  const ids = new Set(runs.map((run) => run.info.run_id));
  const parentOf = (run: (typeof runs)[number]) => run.data?.tags?.find((tag) => tag.key === 'mlflow.parentRunId')?.value;
  return runs
    .filter((run) => !ids.has(parentOf(run) ?? ''))
    .map((run) => run.info.run_name || run.info.run_id)
    .map((name) => (name.length > 200 ? `${name.slice(0, 200)}…` : name));
}

const previewNames = (page: Page) => page.locator('#first-rows-preview tbody th[scope=row] .run-name__text').allTextContents();

test('with JavaScript off, the page shows the first rows runlens serve drew from the first page, hostile names as text', async ({
  browser,
  baseURL,
  manifest,
  mlflowUrl,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    for (const name of ['sklearn-autolog', manifest.hostile!.experiment_name]) {
      const href = paths.experiment.getHref(scenario(manifest, name).experiment_id);
      await page.goto(href);
      const truth = topNames(await firstPageOf(mlflowUrl, href));
      expect(truth.length).toBeGreaterThan(0);
      expect(await previewNames(page)).toEqual(truth);
      await expect(page.locator('#first-rows-preview')).toBeVisible();
      // A name like <img onerror=…> stayed text: no element came of it.
      await expect(page.locator('#first-rows-preview img, #first-rows-preview script, #first-rows-preview a')).toHaveCount(0);
    }
  } finally {
    await context.close();
  }
});

test('with JavaScript on, the drawn first rows come before the app’s table and give way to it', async ({
  page,
  manifest,
  mlflowUrl,
  pageProblems,
}) => {
  const autolog = scenario(manifest, 'sklearn-autolog');
  const href = paths.experiment.getHref(autolog.experiment_id);
  // When each first appears, on the page's own clock, and what the drawn rows said.
  await page.addInitScript(() => {
    const seen: { preview?: number; table?: number; names?: string[] } = {};
    (window as unknown as { __firstRows: typeof seen }).__firstRows = seen;
    new MutationObserver(() => {
      const preview = document.querySelectorAll('#first-rows-preview tbody th[scope=row] .run-name__text');
      if (seen.preview === undefined && preview.length > 0) {
        seen.preview = performance.now();
        seen.names = Array.from(preview, (name) => name.textContent ?? '');
      }
      if (
        seen.table === undefined &&
        document.querySelector('section[aria-label="Runs"] table:not(.first-rows__table) tbody th[scope=row]')
      )
        seen.table = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(href);
  await waitUntilReady(page);
  const seen = await page.evaluate(
    () => (window as unknown as { __firstRows: { preview?: number; table?: number; names?: string[] } }).__firstRows,
  );
  expect(seen.names).toEqual(topNames(await firstPageOf(mlflowUrl, href)));
  expect(seen.preview).toBeLessThanOrEqual(seen.table!);
  // Gone once the table is drawn: one table of runs, the app's.
  await expect(page.locator('#first-rows-preview')).toHaveCount(0);
  await expect(page.locator('section[aria-label="Runs"] table')).toHaveCount(1);
  expect(await new RunTablePage(page).names()).toEqual(expect.arrayContaining(seen.names!));
  expect(pageProblems).toEqual([]);
});

test('the first page the table shows is the one runlens serve asked for at navigation, asked once', async ({
  page,
  manifest,
  mlflowUrl,
  pageProblems,
}) => {
  const autolog = scenario(manifest, 'sklearn-autolog');
  const href = `${paths.experiment.getHref(autolog.experiment_id)}?expandAll=true&lifecycleFilter=all`;
  const url = new URL(href, 'http://runlens.test');
  const expectedBody = JSON.stringify(runTableFirstRequest(url.pathname, url.searchParams)!.body);

  const server = await startRunlensBehindFaultLink(mlflowUrl);
  try {
    const searches: { request: Request; at: number }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/runs/search')) searches.push({ request, at: Date.now() });
    });
    await page.goto(`${server.runlens.url}${href}`);
    await waitUntilReady(page);

    // The page sent its first page itself, byte for byte the request the server had sent.
    const first = searches.find(({ request }) => request.postData() === expectedBody);
    expect(first, 'the page sends its first runs/search page').toBeDefined();
    // The tracking server saw that request once, before the page had sent it: the server's.
    const upstream = server.link.requests('runs/search').filter((request) => request.body === expectedBody);
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.at).toBeLessThanOrEqual(first!.at);

    // What the page got is what MLflow answers that request, and the table shows those runs.
    const got = (await (await first!.request.response())!.json()) as WireRuns;
    const truth = (await (
      await fetch(`${mlflowUrl}/api/2.0/mlflow/runs/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: expectedBody,
      })
    ).json()) as WireRuns;
    expect(got.runs?.map((run) => run.info.run_id)).toEqual(truth.runs?.map((run) => run.info.run_id));
    expect(truth.runs).toHaveLength(7);
    const table = new RunTablePage(page);
    expect([...(await table.names())].sort()).toEqual(truth.runs!.map((run) => run.info.run_name).sort());
    await expect(page.locator('html')).toHaveAttribute('data-runlens-errors', '0');
    expect(pageProblems).toEqual([]);

    // A reload is a new navigation: one more early request, again taken by the page.
    await page.reload();
    await waitUntilReady(page);
    expect(server.link.requests('runs/search').filter((request) => request.body === expectedBody)).toHaveLength(2);
  } finally {
    await server.stop();
  }
});

test('a tracking server that fails the early request leaves the page as it would be without it', async ({ page, manifest, mlflowUrl }) => {
  const autolog = scenario(manifest, 'sklearn-autolog');
  const server = await startRunlensBehindFaultLink(mlflowUrl);
  try {
    // The first runs/search fails (the server's early one); the page's own goes through.
    await server.link.setFault('500 JSON', 'runs/search');
    const cleared = page.waitForRequest((request) => request.url().includes('/runs/search')).then(() => server.link.clear());
    await page.goto(`${server.runlens.url}${paths.experiment.getHref(autolog.experiment_id)}?expandAll=true`);
    await cleared;
    await waitUntilReady(page);
    const table = new RunTablePage(page);
    await expect.poll(() => table.names().then((names) => names.length)).toBe(7);
    const searches = server.link.requests('runs/search');
    expect(searches[0]!.fault).toBe('500 JSON');
    expect(searches.filter((request) => request.fault === undefined).length).toBeGreaterThanOrEqual(1);
  } finally {
    await server.stop();
  }
});
