// Starts what the end-to-end tests run against: a real `mlflow server` (pinned, from PyPI, in
// .cache/venv) on a free loopback port with a throw-away store, filled by the same data scripts
// as the demo, and the built `runlens serve` in front of it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMlflowServer } from './harness/mlflow-server.ts';
import { populate } from './harness/populate.ts';
import { ensurePythonEnv } from './harness/python-env.ts';
import { startRunlens } from './harness/runlens-server.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  const step = (what: string) => console.log(`[e2e setup] ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const env = await ensurePythonEnv((line) => console.log(`[e2e setup] ${line}`));
  step('python environment ready');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'runlens-e2e-'));
  // RUNLENS_E2E_MLFLOW=<url>: a server left running between runs while developing (populating
  // it again skips every scenario already logged, so a run starts in seconds). CI never sets it.
  const external = process.env.RUNLENS_E2E_MLFLOW;
  const mlflow = external ? { url: external, stop: async () => {} } : await startMlflowServer(env, { dataDir, workers: 2 });
  step(`mlflow server on ${mlflow.url}${external ? ' (already running)' : ''}`);
  const manifestFile = path.join(dataDir, 'manifest.json');
  try {
    await populate(env, mlflow.url, manifestFile);
    step('seed data logged');
  } catch (err) {
    await mlflow.stop();
    throw err;
  }
  const runlens = await startRunlens(mlflow.url);
  step(`runlens serve on ${runlens.url}`);

  // Workers start after global setup and inherit these.
  process.env.RUNLENS_E2E_URL = runlens.url;
  process.env.RUNLENS_E2E_MLFLOW_URL = mlflow.url;
  process.env.RUNLENS_E2E_MANIFEST = manifestFile;
  process.env.RUNLENS_E2E_DATA_DIR = dataDir;

  return async () => {
    await runlens.stop();
    await mlflow.stop();
    if (process.env.RUNLENS_E2E_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
  };
}
