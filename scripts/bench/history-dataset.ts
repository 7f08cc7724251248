// Long metric histories for the chart rows: 10 runs × 100,000 steps of `loss` (one spike
// each), and one run of 1,000,000 steps. Logged with runs/log-batch, 1,000 points a call.
import { post } from './datasets.ts';

async function logHistory(base: string, runId: string, steps: number, seed: number): Promise<void> {
  const t0 = Date.now() - steps * 10;
  const batches = Math.ceil(steps / 1000);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches) {
        const b = next++;
        const metrics = [];
        for (let step = b * 1000; step < Math.min(steps, (b + 1) * 1000); step++) {
          const base = 2 * Math.exp(-step / (steps / 4)) + 0.05 + 0.01 * Math.sin(step * 0.37 + seed);
          metrics.push({ key: 'loss', value: step === Math.floor(steps * 0.7) ? base * 50 : base, timestamp: t0 + step * 10, step });
        }
        await post(base, 'runs/log-batch', { run_id: runId, metrics });
      }
    }),
  );
}

export interface HistoryExperiment {
  experimentId: string;
  tenRuns: string[];
  millionRun: string;
}

export async function logHistoryDataset(base: string, quick: boolean, log: (line: string) => void): Promise<HistoryExperiment> {
  const { experiment_id: experimentId } = (await post(base, 'experiments/create', { name: `bench-history-${Date.now()}` })) as {
    experiment_id: string;
  };
  const create = async (name: string) =>
    (
      (await post(base, 'runs/create', { experiment_id: experimentId, run_name: name, start_time: Date.now() })) as {
        run: { info: { run_id: string } };
      }
    ).run.info.run_id;
  const steps = quick ? 10_000 : 100_000;
  const tenRuns: string[] = [];
  for (let i = 0; i < 10; i++) {
    const runId = await create(`history-${i}`);
    await logHistory(base, runId, steps, i);
    tenRuns.push(runId);
    log(`  history: run ${i + 1} of 10 (${steps.toLocaleString()} steps)`);
  }
  const millionRun = await create('million-steps');
  await logHistory(base, millionRun, quick ? 100_000 : 1_000_000, 99);
  log('  history: the 1,000,000-step run');
  return { experimentId, tenRuns, millionRun };
}
