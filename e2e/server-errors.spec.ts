import { startRunlensBehindFaultLink, type FaultLink, type FaultResponse } from './harness/fault-link.ts';
import { freePort } from './harness/processes.ts';
import { startRunlens } from './harness/runlens-server.ts';
import { openTcpLink } from './harness/tcp-link.ts';
import type { Page } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures.ts';

test('an unreachable tracking server gets a clear page, and the page recovers when it comes up', async ({ page, mlflowUrl }) => {
  const port = await freePort();
  const runlens = await startRunlens(`http://127.0.0.1:${port}`);
  try {
    // The serve command says the same at start-up, and starts anyway.
    expect(runlens.output()).toContain(`cannot reach http://127.0.0.1:${port}: connection refused`);

    await page.goto(`${runlens.url}/`);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('Cannot reach the tracking server');
    await expect(alert).toContainText(`cannot reach http://127.0.0.1:${port}: connection refused`);
    await expect(page.getByRole('banner')).toContainText('unreachable');
    await waitUntilReady(page);
    await expect(page.locator('html')).toHaveAttribute('data-runlens-errors', /^[1-9]/);

    // The tracking server comes up at that address: no reload, the page finds it.
    const link = await openTcpLink(port, Number(new URL(mlflowUrl).port));
    try {
      await expect(page.getByRole('link', { name: 'quickstart', exact: true })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.getByRole('banner')).not.toContainText('unreachable', { timeout: 20_000 });
    } finally {
      await link.close();
    }
  } finally {
    await runlens.stop();
  }
});

/** Opens the experiment list of a `runlens serve` whose tracking server answers experiments/search with `fault`. */
async function withFaultyExperimentSearch(
  page: Page,
  mlflowUrl: string,
  fault: Parameters<FaultLink['setFault']>[0],
  check: () => Promise<void>,
) {
  const server = await startRunlensBehindFaultLink(mlflowUrl);
  try {
    await server.link.setFault(fault, 'experiments/search');
    await page.goto(`${server.runlens.url}/`);
    await check();
  } finally {
    await server.stop();
  }
}

test('a 403 from MLflow’s host check explains the fix', async ({ page, mlflowUrl }) => {
  await withFaultyExperimentSearch(page, mlflowUrl, '403 text/plain', async () => {
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('The tracking server refused access (403)');
    await expect(alert).toContainText('Invalid Host header - possible DNS rebinding attack detected');
    await expect(alert).toContainText('--allowed-hosts');
  });
});

test('a 401 says which credentials to set', async ({ page, mlflowUrl }) => {
  await withFaultyExperimentSearch(page, mlflowUrl, '401', async () => {
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('The tracking server wants credentials (401)');
    await expect(alert).toContainText('You are not authenticated.');
    await expect(alert).toContainText('UNAUTHENTICATED');
    await expect(alert).toContainText('MLFLOW_TRACKING_TOKEN');
  });
});

test('MLflow’s own error code and message are shown for API errors', async ({ page, mlflowUrl }) => {
  // A real server error: the SQL store rejects a non-integer experiment id with a 400.
  const direct = await fetch(`${mlflowUrl}/api/2.0/mlflow/experiments/get?experiment_id=not-an-id`);
  const truth = (await direct.json()) as { error_code: string; message: string };
  expect(direct.status).toBe(400);
  await page.goto('/experiments/not-an-id');
  await waitUntilReady(page);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The tracking server answered with an error (400)');
  await expect(alert).toContainText(truth.message);
  await expect(alert).toContainText(`Error code: ${truth.error_code}`);
});

test('a broken response body never blanks the page', async ({ page, mlflowUrl }) => {
  const broken: FaultResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"experiments": [{"name": 42}]' };
  await withFaultyExperimentSearch(page, mlflowUrl, broken, async () => {
    await expect(page.getByRole('alert').getByRole('heading')).toHaveText('The tracking server sent an unexpected response');
    await expect(page.getByRole('link', { name: 'Runlens' })).toBeVisible();
  });
});

test('the proxy refuses what it must, in front of the real server', async ({ request, baseURL, manifest }) => {
  const runId = Object.values(Object.values(manifest).find((s) => s.experiment_name === 'quickstart')!.runs)[0] as string;
  const traversal = await request.get(`/mlflow/get-artifact?path=..%2F..%2F..%2Fetc%2Fpasswd&run_uuid=${runId}`);
  expect(traversal.status()).toBe(400);
  expect((await traversal.json()).error_code).toBe('RUNLENS_BAD_REQUEST');

  const crossOrigin = await request.post('/mlflow/api/2.0/mlflow/runs/search', {
    headers: { origin: 'http://evil.example' },
    data: { experiment_ids: ['0'] },
  });
  expect(crossOrigin.status()).toBe(403);

  const sameOrigin = await request.post('/mlflow/api/2.0/mlflow/runs/search', {
    headers: { origin: baseURL! },
    data: { experiment_ids: [Object.values(manifest).find((s) => s.experiment_name === 'quickstart')!.experiment_id] },
  });
  expect(sameOrigin.status()).toBe(200);
  expect(((await sameOrigin.json()) as { runs: unknown[] }).runs).toHaveLength(1);

  const write = await request.post('/mlflow/api/2.0/mlflow/experiments/delete', {
    headers: { origin: baseURL! },
    data: { experiment_id: '0' },
  });
  expect(write.status()).toBe(404);

  const page = await request.get('/');
  expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
});
