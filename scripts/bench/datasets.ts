// The benchmark's experiments, logged through MLflow's REST API the way a training job would:
// runs/create, then runs/log-batch (≤1,000 metrics, ≤100 params, ≤100 tags a call), then
// runs/update. Several requests are in flight at once; the SQL store is the limit.

export interface Dataset {
  name: string;
  runs: number;
  params: number;
  metrics: number;
  tags: number;
  /** Every Nth run is a parent of the next few (grid searches nest). */
  nestEvery?: number;
  /**
   * Logged only when asked for with --only: 100,000 runs take about an hour to log through the
   * REST API into SQLite on two cores (~65 requests/s). Logged once, then cached.
   */
  optIn?: boolean;
}

export function datasets(quick: boolean): Dataset[] {
  const scale = quick ? 10 : 1;
  return [
    { name: '10k', runs: 10_000 / scale, params: 20, metrics: 20, tags: 10, nestEvery: 50 },
    { name: '1500x1500', runs: 1500 / scale, params: 0, metrics: 1500, tags: 0 },
    { name: '100k', runs: 100_000 / scale, params: 5, metrics: 5, tags: 0, optIn: !quick },
  ];
}

/** POST to MLflow's REST API, retrying the odd SQLite-busy error. */
export async function post(base: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${base}/api/2.0/mlflow/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.ok) return (await res.json()) as Record<string, unknown>;
    // SQLite is busy under concurrent writers now and then; retry a few times.
    if (attempt >= 5) throw new Error(`${path}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
  }
}

/** Runs `task(i)` for i in [0, count) with `concurrency` in flight, reporting progress. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>, progress: (done: number) => void): Promise<void> {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        await task(i);
        done += 1;
        if (done % 500 === 0 || done === count) progress(done);
      }
    }),
  );
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Logs the dataset as experiment `bench-<name>`; returns its id. */
export async function logDataset(base: string, dataset: Dataset, log: (line: string) => void): Promise<string> {
  const { experiment_id: experimentId } = (await post(base, 'experiments/create', { name: `bench-${dataset.name}-${Date.now()}` })) as { experiment_id: string };
  const t0 = Date.now() - dataset.runs * 1000;
  const parents = new Map<number, string>();
  const started = Date.now();
  await pool(
    dataset.runs,
    12,
    async (i) => {
      const startTime = t0 + i * 1000;
      const nest = dataset.nestEvery;
      const parentIndex = nest && i % nest !== 0 ? i - (i % nest) : undefined;
      const tags = [{ key: 'mlflow.user', value: `user${i % 7}` }];
      const parentId = parentIndex === undefined ? undefined : parents.get(parentIndex);
      if (parentId) tags.push({ key: 'mlflow.parentRunId', value: parentId });
      const created = (await post(base, 'runs/create', { experiment_id: experimentId, run_name: `run-${String(i).padStart(6, '0')}`, start_time: startTime, tags })) as {
        run: { info: { run_id: string } };
      };
      const runId = created.run.info.run_id;
      if (nest && i % nest === 0) parents.set(i, runId);
      const metrics = Array.from({ length: dataset.metrics }, (_, m) => ({ key: `metric_${String(m).padStart(4, '0')}`, value: Math.sin(i * 0.01 + m) * 10 + m, timestamp: startTime + 500, step: 0 }));
      const params = Array.from({ length: dataset.params }, (_, p) => ({ key: `param_${p}`, value: String((i * (p + 3)) % 97) }));
      const userTags = Array.from({ length: dataset.tags }, (_, t) => ({ key: `tag_${t}`, value: `value-${(i + t) % 13}` }));
      const batches = chunks(metrics, 1000);
      await post(base, 'runs/log-batch', { run_id: runId, metrics: batches[0] ?? [], params, tags: userTags });
      for (const batch of batches.slice(1)) await post(base, 'runs/log-batch', { run_id: runId, metrics: batch });
      await post(base, 'runs/update', { run_id: runId, status: i % 17 === 0 ? 'FAILED' : 'FINISHED', end_time: startTime + 900 });
    },
    (done) => log(`  ${dataset.name}: ${done.toLocaleString()} of ${dataset.runs.toLocaleString()} runs (${((Date.now() - started) / 1000).toFixed(0)} s)`),
  );
  return experimentId;
}
