// Fills a tracking server with the seed scenarios through the real mlflow client
// (e2e/data/populate.py) and returns the manifest of what it logged.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PythonEnv } from './python-env.ts';
import { REPO_ROOT } from './python-env.ts';
import { run } from './processes.ts';

export type Manifest = Record<string, ScenarioManifest>;

export interface ScenarioManifest {
  experiment_name: string;
  experiment_id: string;
  runs: Record<string, string | string[]>;
  [extra: string]: unknown;
}

export async function populate(
  env: PythonEnv,
  trackingUri: string,
  manifestFile: string,
  only: string[] = [],
  /** Extra environment for the mlflow client, e.g. MLFLOW_TRACKING_USERNAME / _PASSWORD. */
  clientEnv: Record<string, string> = {},
): Promise<Manifest> {
  const args = [path.join(REPO_ROOT, 'e2e/data/populate.py'), '--tracking-uri', trackingUri, '--manifest', manifestFile];
  for (const name of only) args.push('--only', name);
  await run(env.python, args, { quiet: process.env.RUNLENS_VERBOSE !== '1', env: { ...process.env, ...clientEnv } });
  return JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
}
