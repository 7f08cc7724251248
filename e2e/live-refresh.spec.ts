// Live refresh against the real server: the test logs to a run while the page shows it, as a
// training script would (the tracking server's REST API, the calls the mlflow client makes),
// and the table, the run page and the charts follow without a reload until the run finishes.
import type { Page, Request } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures.ts';
import { RunTablePage } from './pages/run-table-page.ts';

class Tracking {
  constructor(private readonly url: string) {}

  async call<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.url}/api/2.0/mlflow/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async experiment(name: string): Promise<string> {
    return (await this.call<{ experiment_id: string }>('experiments/create', { name })).experiment_id;
  }

  async startRun(experimentId: string, runName: string): Promise<string> {
    const body = await this.call<{ run: { info: { run_id: string } } }>('runs/create', {
      experiment_id: experimentId,
      run_name: runName,
      start_time: Date.now(),
    });
    return body.run.info.run_id;
  }

  async log(runId: string, key: string, value: number, step: number): Promise<void> {
    await this.call('runs/log-metric', { run_id: runId, key, value, step, timestamp: Date.now() });
  }

  async finish(runId: string): Promise<void> {
    await this.call('runs/update', { run_id: runId, status: 'FINISHED', end_time: Date.now() });
  }
}

/** Every request the page sends to the proxy from now on. */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/mlflow/')) seen.push(request);
  });
  return seen;
}
const isPoll = (request: Request) => /runs\/search|runs\/get|get-history/.test(request.url());

test('a running run’s new values, new runs and new chart points appear without a reload, until it finishes', async ({
  page,
  mlflowUrl,
  pageProblems,
}) => {
  const tracking = new Tracking(mlflowUrl);
  const experimentId = await tracking.experiment(`live-refresh-${Date.now()}`);
  const runId = await tracking.startRun(experimentId, 'training');
  await tracking.log(runId, 'loss', 0.9, 0);
  await tracking.log(runId, 'loss', 0.8, 1);

  const runs = new RunTablePage(page);
  // refresh=1: a poll a second, so the test need not wait five.
  await runs.goto(experimentId, '?refresh=1');
  await expect(page.getByTestId('live-indicator')).toHaveText('Live · every 1 s');
  expect(await runs.cell('training', 'loss')).toBe('0.8');

  await tracking.log(runId, 'loss', 0.5, 2);
  await expect.poll(() => runs.cell('training', 'loss'), { timeout: 15_000 }).toBe('0.5');

  // A run started after the page loaded (a sweep's next trial) joins the table.
  const lateId = await tracking.startRun(experimentId, 'late-trial');
  await tracking.log(lateId, 'loss', 0.7, 0);
  await expect.poll(() => runs.names(), { timeout: 15_000 }).toContain('late-trial');

  // The chart view: new points are appended, and only they are downloaded.
  await page.getByRole('group', { name: 'Show runs as' }).getByRole('button', { name: 'Charts' }).click();
  const chart = page.getByRole('figure', { name: /^Chart of loss by step/ });
  await expect(chart).toHaveAccessibleName(/2 runs, 4 logged values/);
  const requests = recordRequests(page);
  await tracking.log(runId, 'loss', 0.4, 3);
  await tracking.log(runId, 'loss', 0.3, 4);
  await expect(chart).toHaveAccessibleName(/2 runs, 6 logged values/, { timeout: 15_000 });
  const histories = requests.filter((request) => request.url().includes('/metrics/'));
  expect(histories.some((request) => /get-history-bulk-interval\?.*start_step=2/.test(request.url()))).toBe(true);
  expect(histories.filter((request) => /\/metrics\/get-history\?/.test(request.url()))).toEqual([]);

  // Both runs finish: the indicator goes, and nothing more is asked for.
  await tracking.finish(runId);
  await tracking.finish(lateId);
  await expect(page.getByTestId('live-indicator')).toHaveCount(0, { timeout: 15_000 });
  await waitUntilReady(page);
  const after = requests.length;
  await tracking.log(runId, 'loss', 0.1, 5);
  // Three poll periods: a poll still running would have asked by now.
  await page.waitForTimeout(3_000);
  expect(
    requests
      .slice(after)
      .filter(isPoll)
      .map((request) => request.url()),
  ).toEqual([]);
  await expect(chart).toHaveAccessibleName(/2 runs, 6 logged values/);
  expect(pageProblems).toEqual([]);
});

test('the run page follows a running run, and says when it finished', async ({ page, mlflowUrl, pageProblems }) => {
  const tracking = new Tracking(mlflowUrl);
  const experimentId = await tracking.experiment(`live-run-page-${Date.now()}`);
  const runId = await tracking.startRun(experimentId, 'watched');
  await tracking.log(runId, 'accuracy', 0.6, 0);
  await tracking.log(runId, 'accuracy', 0.7, 1);

  await page.goto(`/experiments/${experimentId}/runs/${runId}/metrics?refresh=1`);
  await waitUntilReady(page);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('Running');
  await expect(page.getByTestId('live-indicator')).toBeVisible();
  const chart = page.getByRole('figure', { name: /^Chart of accuracy by step/ });
  await expect(chart).toHaveAccessibleName(/1 run, 2 logged values/);

  await tracking.log(runId, 'accuracy', 0.8, 2);
  await expect(chart).toHaveAccessibleName(/1 run, 3 logged values, step 0 to 2/, { timeout: 15_000 });

  await tracking.finish(runId);
  await expect(heading).toContainText('Finished', { timeout: 15_000 });
  await expect(page.getByTestId('live-indicator')).toHaveCount(0);

  // refresh=off: a page that never polls, even for a running run.
  const other = await tracking.startRun(experimentId, 'unwatched');
  await page.goto(`/experiments/${experimentId}/runs/${other}?refresh=off`);
  await waitUntilReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Running');
  await expect(page.getByTestId('live-indicator')).toHaveCount(0);
  expect(pageProblems).toEqual([]);
});
