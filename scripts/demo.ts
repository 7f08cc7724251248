// `npm run demo`: a real local MLflow with the seeds' runs, and Runlens in front of it.
// First run: creates the Python environment, starts `mlflow server` with a SQLite store in
// .runlens-demo/, logs the demo data with the real mlflow client, builds and serves Runlens.
// Later runs reuse all of it and are up in seconds. Ctrl-C stops everything it started.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMlflowServer, type MlflowServer } from '../e2e/harness/mlflow-server.ts';
import { populate } from '../e2e/harness/populate.ts';
import { freePort, run } from '../e2e/harness/processes.ts';
import { ensurePythonEnv, REPO_ROOT } from '../e2e/harness/python-env.ts';
import { startRunlens, type RunlensServer } from '../e2e/harness/runlens-server.ts';

const DEMO_DIR = path.join(REPO_ROOT, '.runlens-demo');
const SEEDED_STAMP = path.join(DEMO_DIR, 'seeded.stamp');
const started = Date.now();
const log = (line: string) => console.log(`[demo ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** A hash of the data scripts: the demo re-logs only when they change. */
function dataScriptsHash(): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(path.join(REPO_ROOT, 'e2e/data'), /\.py$/)) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

/** The build is current when dist/client is newer than every source file that goes into it. */
function buildIsCurrent(): boolean {
  const index = path.join(REPO_ROOT, 'dist/client/index.html');
  const cli = path.join(REPO_ROOT, 'dist/node/server/cli.js');
  if (!existsSync(index) || !existsSync(cli)) return false;
  const builtAt = Math.min(statSync(index).mtimeMs, statSync(cli).mtimeMs);
  const sources = [
    ...filesUnder(path.join(REPO_ROOT, 'src'), /\.(tsx?|css)$/),
    ...filesUnder(path.join(REPO_ROOT, 'server'), /\.ts$/),
    path.join(REPO_ROOT, 'index.html'),
    path.join(REPO_ROOT, 'package-lock.json'),
  ];
  return sources.every((file) => statSync(file).mtimeMs <= builtAt);
}

async function main(): Promise<void> {
  let mlflow: MlflowServer | undefined;
  let runlens: RunlensServer | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await runlens?.stop();
    await mlflow?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const env = await ensurePythonEnv(log);
    log('python environment ready');
    const buildDone = buildIsCurrent()
      ? Promise.resolve(log('build is current'))
      : run('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, quiet: true }).then(() => log('built Runlens'));

    const port = process.env.RUNLENS_DEMO_MLFLOW_PORT ? Number(process.env.RUNLENS_DEMO_MLFLOW_PORT) : await freePort();
    mlflow = await startMlflowServer(env, { dataDir: DEMO_DIR, port });
    log(`mlflow server on ${mlflow.url} (store: ${path.relative(REPO_ROOT, DEMO_DIR)}/)`);

    const hash = dataScriptsHash();
    if (existsSync(SEEDED_STAMP) && readFileSync(SEEDED_STAMP, 'utf8') === hash) {
      log('demo data already logged');
    } else {
      log('logging the demo data with the mlflow client…');
      await populate(env, mlflow.url, path.join(DEMO_DIR, 'manifest.json'));
      writeFileSync(SEEDED_STAMP, hash);
      log('demo data logged');
    }
    await buildDone;

    // A stable address when it is free (5173, or RUNLENS_PORT), any free port otherwise.
    const preferred = Number(process.env.RUNLENS_PORT ?? 5173);
    const trackingUri = mlflow.url;
    runlens = await startRunlens(trackingUri, { port: preferred }).catch(() => startRunlens(trackingUri));
    console.log(`\n  Runlens is ready: ${runlens.url}/\n  (MLflow's own UI for comparison: ${mlflow.url}/)\n  Press Ctrl-C to stop.\n`);
  } catch (err) {
    console.error(`\nThe demo could not start:\n${(err as Error).message}`);
    await stop(1);
  }
}

void main();
