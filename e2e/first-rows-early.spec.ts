// The run table's first rows before the page's code arrives (docs/first-rows.md): `runlens serve`
// sends the table's first runs/search page upstream when it serves the page, and the page's own
// identical request is answered with it. Watched from both ends: the fault link between Runlens
// and MLflow records what reaches the tracking server, the browser what the page sent and got.
import type { Request } from '@playwright/test';
import { runTableFirstRequest } from '../contract/run-table-request.ts';
import { paths } from '../src/config/paths.ts';
import { expect, test, waitUntilReady } from './fixtures.ts';
import { startRunlensBehindFaultLink } from './harness/fault-link.ts';
import type { Manifest } from './harness/populate.ts';
import { RunTablePage } from './pages/run-table-page.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

interface WireRuns {
  runs?: { info: { run_id: string; run_name: string } }[];
}

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
