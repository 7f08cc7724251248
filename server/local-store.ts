// `runlens serve ./mlruns`: as `mlflow ui` does for a local store, Runlens starts an
// `mlflow server` on it (the one on PATH, or `<python> -m mlflow` with --python) on a free
// loopback port and shows that. Runlens itself only ever speaks MLflow's REST API.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OptionsError } from './options-error.ts';

/** The store URI `mlflow server --backend-store-uri` takes, when `raw` names a local store; else undefined. */
export function localStoreUri(raw: string, cwd = process.cwd()): string | undefined {
  if (/^https?:\/\//i.test(raw) || /^databricks(:|$)/.test(raw)) return undefined;
  if (/^(file|sqlite):/i.test(raw)) return raw;
  // A path: an mlruns folder (a file store) or an SQLite database file.
  const full = path.resolve(cwd, raw);
  if (!existsSync(full)) return undefined;
  return statSync(full).isDirectory() ? pathToFileURL(full).href : `sqlite:///${full}`;
}

export interface LocalMlflow {
  url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `mlflow server` on the store and resolves once it answers /health. */
export async function startLocalMlflow(storeUri: string, python: string | undefined, timeoutMs = 120_000): Promise<LocalMlflow> {
  const port = await freePort();
  const args = ['server', '--backend-store-uri', storeUri, '--host', '127.0.0.1', '--port', String(port), '--workers', '1'];
  const [command, commandArgs] = python ? [python, ['-m', 'mlflow', ...args]] : ['mlflow', args];
  const child = spawn(command, commandArgs, {
    stdio: ['ignore', 'pipe', 'pipe'],
    // MLflow 3 refuses file stores unless told they are wanted; its job runner is not needed here.
    env: { ...process.env, MLFLOW_ALLOW_FILE_STORE: 'true', MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false', PYTHONUNBUFFERED: '1' },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(child, url, timeoutMs, () => output);
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
  return { url, stop: () => void child.kill('SIGTERM') };
}

async function waitUntilHealthy(child: ChildProcess, url: string, timeoutMs: number, output: () => string): Promise<void> {
  let failure: Error | undefined;
  child.once('error', (err: NodeJS.ErrnoException) => {
    failure =
      err.code === 'ENOENT'
        ? new OptionsError(`${child.spawnfile} was not found: install MLflow (pip install mlflow), or give --python <a Python that has it>`)
        : err;
  });
  child.once('exit', (code) => {
    const said = output().trim().split('\n').slice(-5).join('\n');
    const noModule = /No module named mlflow/.test(said);
    failure ??= new OptionsError(
      noModule
        ? `${child.spawnfile} has no mlflow: pip install mlflow into it, or give --python <a Python that has it>`
        : `mlflow server stopped (exit code ${code}) before it answered:\n${said}`,
    );
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (failure) throw failure;
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw failure ?? new OptionsError(`mlflow server did not answer within ${Math.round(timeoutMs / 1000)} s`);
}
