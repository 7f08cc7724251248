// npm run bench [-- --quick] [-- --only 10k,1500x1500,100k,sweep,history,render] [-- --log-only]   (100k only when named)
// Runlens vs the stock `mlflow ui` (served by the same server) vs the raw API, side by side in
// one run, on experiments logged through the REST batch API. Prints a table with the targets and
// writes bench-results.json. Not part of `npm test`: it measures, it does not assert.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMlflowServer } from '../../e2e/harness/mlflow-server.ts';
import { ensurePythonEnv, REPO_ROOT } from '../../e2e/harness/python-env.ts';
import { startRunlens } from '../../e2e/harness/runlens-server.ts';
import { measureCompare } from './compare-rows.ts';
import { datasets, logDataset } from './datasets.ts';
import { logHistoryDataset, type HistoryExperiment } from './history-dataset.ts';
import { measureHistory } from './chart-rows.ts';
import { measureAll, type Result } from './measure.ts';
import { measureRendering } from './render-rows.ts';
import { report } from './report.ts';

/** Bump when datasets.ts changes what it logs: the cached store is then logged again. */
const DATA_VERSION = '1';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// Logs the datasets that are not cached yet and stops: data for a later measurement.
const logOnly = args.includes('--log-only');
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : undefined;
const log = (line: string) => console.log(`[bench] ${line}`);

const cacheDir = path.join(REPO_ROOT, '.cache/bench', `v${DATA_VERSION}-${quick ? 'quick' : 'full'}`);
const stampFile = path.join(cacheDir, 'experiments.json');
const logged: Record<string, string> & { history?: HistoryExperiment } = existsSync(stampFile)
  ? JSON.parse(readFileSync(stampFile, 'utf8'))
  : {};
// The reporting rows (render) draw the history experiment too.
const wantHistory = !only || only.has('history') || only.has('render');

const env = await ensurePythonEnv(log);
// The store is cached between runs (100,000 runs take minutes to log); measuring only reads it.
const mlflow = await startMlflowServer(env, { dataDir: cacheDir, workers: 2 });
log(`mlflow server on ${mlflow.url} (store ${cacheDir})`);
let runlens: Awaited<ReturnType<typeof startRunlens>> | undefined;
try {
  const chosen = datasets(quick).filter((d) => (only ? only.has(d.name) : !d.optIn));
  for (const dataset of chosen) {
    if (logged[dataset.name]) continue;
    const started = Date.now();
    log(
      `logging ${dataset.name}: ${dataset.runs.toLocaleString()} runs × (${dataset.params} params, ${dataset.metrics} metrics, ${dataset.tags} tags)`,
    );
    logged[dataset.name] = await logDataset(mlflow.url, `sqlite:///${path.join(cacheDir, 'mlflow.db')}`, env.python, dataset);
    writeFileSync(stampFile, JSON.stringify(logged, null, 2));
    log(`logged ${dataset.name} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  if (wantHistory && !logged.history) {
    const started = Date.now();
    log('logging history: 10 runs × 100,000 steps and one 1,000,000-step run');
    logged.history = await logHistoryDataset(mlflow.url, quick, log);
    writeFileSync(stampFile, JSON.stringify(logged, null, 2));
    log(`logged history in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  if (logOnly) log('logged; --log-only, so nothing is measured');
  else {
    runlens = await startRunlens(mlflow.url);
    log(`runlens on ${runlens.url}`);
    const servers = { runlens: runlens.url, mlflow: mlflow.url };
    const tables = chosen.filter((d) => !d.noTable);
    const results: Result[] = await measureAll(
      servers,
      tables.map((d) => ({ dataset: d, experimentId: logged[d.name] ?? '' })),
      log,
    );
    if (chosen.some((d) => d.name === 'sweep') && logged.sweep) results.push(...(await measureCompare(servers, logged.sweep, log)));
    if (wantHistory && logged.history) results.push(...(await measureHistory(servers, logged.history, log)));
    if ((!only || only.has('render')) && logged.history) results.push(...(await measureRendering(servers, logged.history, log)));
    writeFileSync(path.join(REPO_ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(report(results, quick));
    log('wrote bench-results.json');
  }
} finally {
  await runlens?.stop();
  await mlflow.stop();
}
