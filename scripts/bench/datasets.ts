// The benchmark's experiments: what each holds, and how it is logged (log_runs.py, the real
// mlflow client: create_run, log_batch with ≤1,000 metrics a call, set_terminated).
import path from 'node:path';
import { run } from '../../e2e/harness/processes.ts';

export interface Dataset {
  name: string;
  runs: number;
  params: number;
  metrics: number;
  tags: number;
  /** Every Nth run is a parent of the next few (grid searches nest). */
  nestEvery?: number;
  /** Logged and measured only when asked for with --only (about 17 min to log, then cached). */
  optIn?: boolean;
  /** Measured by its own rows (compare-rows.ts), not as a run table. */
  noTable?: boolean;
}

export function datasets(quick: boolean): Dataset[] {
  const scale = quick ? 10 : 1;
  return [
    { name: '10k', runs: 10_000 / scale, params: 20, metrics: 20, tags: 10, nestEvery: 50 },
    { name: '1500x1500', runs: 1500 / scale, params: 0, metrics: 1500, tags: 0 },
    { name: '100k', runs: 100_000 / scale, params: 5, metrics: 5, tags: 0, optIn: !quick },
    // One parent (run 0) and 1,000 children: the compare and sweep rows.
    { name: 'sweep', runs: 1001, params: 20, metrics: 20, tags: 0, nestEvery: 1001, noTable: true },
  ];
}

/** POST to MLflow's REST API, retrying the odd SQLite-busy error. */
export async function post(base: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${base}/api/2.0/mlflow/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.ok) return (await res.json()) as Record<string, unknown>;
    // SQLite is busy under concurrent writers now and then; retry a few times.
    if (attempt >= 5) throw new Error(`${path}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
  }
}

/**
 * Logs the dataset as experiment `bench-<name>` and returns its id. The experiment is created
 * through the server (so its artifact location is the server's); the runs are logged by
 * log_runs.py with the real mlflow client straight into the SQLite store, about 4× faster than
 * the same calls through REST on two cores.
 */
export async function logDataset(base: string, storeUri: string, python: string, dataset: Dataset): Promise<string> {
  const { experiment_id: experimentId } = (await post(base, 'experiments/create', { name: `bench-${dataset.name}-${Date.now()}` })) as {
    experiment_id: string;
  };
  await run(python, [path.join(import.meta.dirname, 'log_runs.py'), storeUri, experimentId, JSON.stringify(dataset)]);
  return experimentId;
}
