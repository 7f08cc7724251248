// The fault suite: what each view shows when the tracking server fails, and how it recovers.
// Faults are injected between `runlens serve` and the real MLflow server by a fault link
// (harness/fault-link.ts) switched per view, never by replacing the server in the browser.
//
// One test per fault kind walks the five views at once, each in its own page behind its own
// fault link and `runlens serve`, so the views cannot disturb each other. The user starts on a
// working page one click away from the view, the link starts failing the one endpoint that view
// reads, and the user opens the view: its own panel shows the fault's message while the rest of
// the page keeps working; then the fault clears and the view recovers.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures.ts';
import { startRunlensBehindFaultLink, type FaultKind, type FaultLink, type RecordedRequest } from './harness/fault-link.ts';
import type { Manifest } from './harness/populate.ts';

// Each test runs its five views in parallel, each with its own `runlens serve`.
test.describe.configure({ mode: 'parallel', timeout: 90_000 });

/** Quiet retries before an error shows take a few seconds (src/api/retry-policy.ts); with margin. */
const SHOWN_TIMEOUT = 30_000;
/** A failed query that can recover is polled, first within 4 s, then backing off (retry-policy.ts). */
const RECOVERY_TIMEOUT = 30_000;
/** Longer than the first recovery poll of a query that could recover (POLL_BASE_MS, 4 s). */
const FIRST_POLL_WITHIN_MS = 4_000;

interface Ids {
  experimentId: string;
  runId: string;
}

interface View {
  name: string;
  /** The request the view's own data comes from; the fault is set on it alone. */
  endpoint: string;
  /** A working page one click away from the view, which does not read `endpoint` itself. */
  start(ids: Ids): string;
  enter(page: Page): Promise<void>;
  /** Where the view's error must be shown. */
  panel(page: Page): Locator;
  /** A part of the page outside the panel, which keeps working. */
  elsewhere(page: Page): Locator;
  /** The view's loading state. */
  loading(page: Page): Locator;
  /** The view's data, once it has loaded. */
  loaded(page: Page): Locator;
}

const artifactDetail = (page: Page) => page.getByRole('region', { name: 'Artifacts' }).locator('.artifacts__detail');
const artifactTree = (page: Page) => page.getByRole('navigation', { name: 'Artifact files' });
const runsRegion = (page: Page) => page.getByRole('region', { name: 'Runs', exact: true });
const chartOfFoo = (page: Page) => page.getByRole('figure', { name: 'Chart of foo' });
const brand = (page: Page) => page.getByRole('banner').getByRole('link', { name: 'Runlens' });

// All on the quickstart: one experiment, one run, the metric `foo` logged at 3 steps and
// outputs/test.txt holding "hello world!".
const VIEWS: View[] = [
  {
    name: 'experiment list',
    endpoint: 'experiments/search',
    start: ({ experimentId }) => `/experiments/${experimentId}`,
    enter: (page) => page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Experiments' }).click(),
    panel: (page) => page.getByRole('main'),
    elsewhere: brand,
    loading: (page) => page.getByRole('main').getByRole('status').filter({ hasText: 'Loading experiments' }),
    loaded: (page) => page.getByRole('main').getByRole('link', { name: 'quickstart', exact: true }),
  },
  {
    name: 'run table',
    endpoint: 'runs/search',
    // The run page has the experiment's details cached, so only the runs are requested.
    start: ({ experimentId, runId }) => `/experiments/${experimentId}/runs/${runId}`,
    enter: (page) => page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'quickstart' }).click(),
    panel: runsRegion,
    elsewhere: (page) => page.getByRole('heading', { level: 1, name: 'quickstart' }),
    loading: (page) => runsRegion(page).getByRole('status').filter({ hasText: 'Loading runs' }),
    loaded: (page) => runsRegion(page).getByRole('link', { name: 'quickstart' }).first(),
  },
  {
    name: 'run page',
    endpoint: 'runs/get',
    start: ({ experimentId }) => `/experiments/${experimentId}`,
    enter: (page) => runsRegion(page).getByRole('link', { name: 'quickstart' }).first().click(),
    // The run is the whole page: without it there is no header or tab to show.
    panel: (page) => page.getByRole('main'),
    elsewhere: brand,
    loading: (page) => page.getByRole('status').filter({ hasText: 'Loading run' }),
    loaded: (page) => page.getByRole('region', { name: 'Parameters', exact: true }).getByRole('row', { name: /param1/ }),
  },
  {
    name: 'chart',
    endpoint: 'metrics/get-history',
    start: ({ experimentId, runId }) => `/experiments/${experimentId}/runs/${runId}/artifacts`,
    enter: (page) => page.getByRole('navigation', { name: 'Run sections' }).getByRole('link', { name: 'Metrics' }).click(),
    panel: chartOfFoo,
    elsewhere: (page) => page.getByRole('heading', { level: 1 }).filter({ hasText: 'quickstart' }),
    loading: (page) => chartOfFoo(page).getByText('loading…'),
    loaded: (page) => chartOfFoo(page).getByText('3 points'),
  },
  {
    name: 'artifact preview',
    endpoint: 'get-artifact',
    start: ({ experimentId, runId }) => `/experiments/${experimentId}/runs/${runId}/artifacts/outputs`,
    enter: (page) => artifactTree(page).getByRole('link', { name: 'test.txt', exact: true }).click(),
    panel: artifactDetail,
    elsewhere: (page) => artifactTree(page).getByRole('link', { name: 'test.txt', exact: true }),
    loading: (page) => artifactDetail(page).getByRole('status').filter({ hasText: 'Loading test.txt' }),
    loaded: (page) => artifactDetail(page).getByRole('region', { name: 'Contents of test.txt' }).getByText('hello world!'),
  },
];

interface Fault {
  kind: FaultKind;
  /** `runlens serve` flags for this fault (the hang's shorter upstream timeout). */
  serveArgs?: string[];
  /** The heading of the panel's error. */
  title: string;
  /** What else the error must say: the server's words and the hint. */
  says: string[];
  /** 401 and 403 need the user (credentials, server flags): they are not retried by themselves. */
  recovery: 'by itself' | 'with Retry';
  /**
   * What the waits between the app's attempts, until the error showed, must be (ms), one list per
   * query: the view's own and any other query that hit the same endpoint then (the run table
   * refreshes the child runs the run page had loaded); `log` names every request.
   */
  retries?(waitsPerQuery: number[][], log: string): void;
}

const gaps = (times: number[]) => times.slice(1).map((time, i) => time - times[i]!);

/** The waits between attempts of each distinct request (method, URL and body). */
function waitsPerQuery(requests: readonly RecordedRequest[]): number[][] {
  const byQuery = new Map<string, number[]>();
  for (const r of requests) {
    const key = `${r.method} ${r.url} ${r.body}`;
    byQuery.set(key, [...(byQuery.get(key) ?? []), r.at]);
  }
  return [...byQuery.values()].map(gaps);
}

/**
 * Retried before the error shows, with backoff: never within 500 ms, and later attempts at least
 * 1 s apart. Lower bounds only: on a loaded machine every wait measured here is longer than the
 * app scheduled it, by however long the answer took to reach the page.
 */
function backoff(perQuery: number[][], log: string): void {
  expect(Math.max(...perQuery.map((waits) => waits.length)), `retried before the error is shown: ${log}`).toBeGreaterThanOrEqual(1);
  for (const waits of perQuery) {
    if (waits.length > 0) expect(waits[0], log).toBeGreaterThanOrEqual(500);
    for (const wait of waits.slice(1)) expect(wait, log).toBeGreaterThanOrEqual(1_000);
  }
}

const FAULTS: Fault[] = [
  {
    kind: '500 JSON',
    title: 'The tracking server answered with an error (500)',
    says: ['(sqlite3.OperationalError) database is locked', 'INTERNAL_ERROR'],
    recovery: 'by itself',
    retries: backoff,
  },
  {
    kind: '500 HTML',
    title: 'The tracking server answered with an error (500)',
    // The page's <title>, not its markup.
    says: ['500 Internal Server Error'],
    recovery: 'by itself',
    retries: backoff,
  },
  {
    kind: '401',
    title: 'The tracking server wants credentials (401)',
    says: ['You are not authenticated.', 'UNAUTHENTICATED', 'MLFLOW_TRACKING_TOKEN'],
    recovery: 'with Retry',
  },
  {
    kind: '403 text/plain',
    title: 'The tracking server refused access (403)',
    says: ['Invalid Host header - possible DNS rebinding attack detected', '--allowed-hosts'],
    recovery: 'with Retry',
  },
  {
    kind: '429 Retry-After',
    title: 'The tracking server is rate limiting',
    says: ['Too many requests: try again in 2 seconds.'],
    recovery: 'by itself',
    retries: (perQuery, log) => {
      expect(Math.max(...perQuery.map((waits) => waits.length)), `retried before the error is shown: ${log}`).toBeGreaterThanOrEqual(1);
      // Never sooner than the server asked (the forwarder's clock, not the page's).
      for (const waits of perQuery) for (const wait of waits) expect(wait, log).toBeGreaterThanOrEqual(2_000);
    },
  },
  {
    kind: '429',
    title: 'The tracking server is rate limiting',
    says: ['Too many requests.'],
    recovery: 'by itself',
    retries: backoff,
  },
  {
    kind: 'refused',
    title: 'Cannot reach the tracking server',
    says: ['connection refused'],
    recovery: 'by itself',
  },
  {
    // The tracking server accepts the request and never answers: after --upstream-timeout the
    // proxy gives up with a 504, which the page explains and retries.
    kind: 'hang',
    serveArgs: ['--upstream-timeout', '2'],
    title: 'The tracking server did not answer in time (504)',
    says: ['did not answer within 2 s (--upstream-timeout)', 'RUNLENS_UPSTREAM_TIMEOUT'],
    recovery: 'by itself',
    retries: backoff,
  },
  {
    kind: 'cut',
    title: 'The response was cut off',
    says: ['the response was cut off before it ended'],
    recovery: 'by itself',
    retries: backoff,
  },
];

const quickstartIds = (manifest: Manifest): Ids => {
  const quickstart = Object.values(manifest).find((s) => s.experiment_name === 'quickstart')!;
  return { experimentId: quickstart.experiment_id, runId: quickstart.runs.quickstart as string };
};

/** A page behind its own fault link, on the view's start page, recording page errors. */
async function openAtStart(context: BrowserContext, mlflowUrl: string, view: View, ids: Ids, serveArgs: string[] = []) {
  const server = await startRunlensBehindFaultLink(mlflowUrl, serveArgs);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.runlens.url}${view.start(ids)}`);
  // Setup, not what is tested: ten `runlens serve` and ten pages start at once on two cores.
  await waitUntilReady(page, { timeout: 30_000 });
  // The walk starts from a working page: a failure here is the setup's, said as such.
  await expect(page.locator('html'), `${view.name}: the start page ${view.start(ids)} loaded without errors`).toHaveAttribute(
    'data-runlens-errors',
    '0',
  );
  return {
    page,
    link: server.link,
    pageErrors,
    close: async () => {
      await page.close();
      await server.stop();
    },
  };
}

const faulted = (link: FaultLink, view: View): RecordedRequest[] => link.requests(view.endpoint).filter((r) => r.fault !== undefined);

async function walk(context: BrowserContext, mlflowUrl: string, ids: Ids, view: View, fault: Fault): Promise<void> {
  const { page, link, pageErrors, close } = await openAtStart(context, mlflowUrl, view, ids, fault.serveArgs);
  try {
    await link.setFault(fault.kind, view.endpoint);
    await view.enter(page);

    const alert = view.panel(page).getByRole('alert');
    await expect(alert.getByRole('heading'), `${view.name} shows the error`).toHaveText(fault.title, { timeout: SHOWN_TIMEOUT });
    const beforeShown = faulted(link, view);
    for (const text of fault.says) await expect(alert).toContainText(text);
    await expect(page.getByRole('alert'), `${view.name}: only its own panel fails`).toHaveCount(1);
    await expect(view.elsewhere(page)).toBeVisible();
    await waitUntilReady(page);
    await expect(page.locator('html')).toHaveAttribute('data-runlens-errors', /^[1-9]/);
    const times = beforeShown.map((r) => r.at);
    fault.retries?.(
      waitsPerQuery(beforeShown),
      `${view.name} asked at ${beforeShown.map((r) => `+${r.at - times[0]!} ms ${r.method} ${r.url} ${r.body}`).join(', ')}`,
    );

    await link.clear();
    if (fault.recovery === 'with Retry') {
      // Nothing is asked again by itself, even after the recovery poll would have run.
      const asked = link.requests(view.endpoint).length;
      await page.waitForTimeout(FIRST_POLL_WITHIN_MS + 2_000);
      expect(link.requests(view.endpoint), `${view.name} does not retry a ${fault.kind} by itself`).toHaveLength(asked);
      await alert.getByRole('button', { name: 'Retry now' }).click();
    }
    await expect(view.loaded(page), `${view.name} recovers`).toBeVisible({ timeout: RECOVERY_TIMEOUT });
    await expect(page.getByRole('alert')).toHaveCount(0);
    await waitUntilReady(page);
    await expect(page.locator('html')).toHaveAttribute('data-runlens-errors', '0');
    expect(pageErrors).toEqual([]);
  } finally {
    await close();
  }
}

for (const fault of FAULTS) {
  const recovery =
    fault.recovery === 'by itself'
      ? 'recovers by itself when it clears'
      : 'recovers with the panel’s Retry once it clears (the user must act)';
  test(`${fault.kind}: each view says “${fault.title}” in its own panel and ${recovery}`, async ({ context, mlflowUrl, manifest }) => {
    const ids = quickstartIds(manifest);
    await Promise.all(VIEWS.map((view) => test.step(view.name, () => walk(context, mlflowUrl, ids, view, fault))));
  });
}

test('hang: each view shows its loading state in its own panel and fills in, without a reload, when the server answers', async ({
  context,
  mlflowUrl,
  manifest,
}) => {
  const ids = quickstartIds(manifest);
  await Promise.all(
    VIEWS.map((view) =>
      test.step(view.name, async () => {
        const { page, link, pageErrors, close } = await openAtStart(context, mlflowUrl, view, ids);
        try {
          await link.setFault('hang', view.endpoint);
          await view.enter(page);
          await expect.poll(() => faulted(link, view).length, `${view.name} asked and is waiting`).toBeGreaterThan(0);
          await expect(view.loading(page)).toBeVisible();
          await expect(view.elsewhere(page)).toBeVisible();
          await expect(page.getByRole('alert')).toHaveCount(0);
          await expect(page.locator('html')).toHaveAttribute('data-runlens-state', 'loading');

          // The server answers the held requests now.
          await link.clear();
          await expect(view.loaded(page)).toBeVisible();
          await waitUntilReady(page);
          await expect(page.locator('html')).toHaveAttribute('data-runlens-errors', '0');
          expect(pageErrors).toEqual([]);
        } finally {
          await close();
        }
      }),
    ),
  );
});
