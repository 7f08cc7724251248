// A real `mlflow server` on a loopback port, with a SQLite store and a local artifact root
// inside `dataDir`. Used by the e2e tests (throw-away dir), the demo and the benchmark.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PythonEnv } from './python-env.ts';
import { freePort, startService } from './processes.ts';

export interface MlflowServer {
  url: string;
  port: number;
  logFile: string;
  stop(): Promise<void>;
}

export interface MlflowServerOptions {
  dataDir: string;
  port?: number;
  /** Where runs are stored: MLflow's SQLite store in `dataDir` unless another URI or folder is given. */
  backendStoreUri?: string;
  /** Where the server keeps artifacts (it proxies them): a folder in `dataDir` unless a URI is given. */
  artifactsDestination?: string;
  /** Extra `mlflow server` flags. */
  args?: string[];
  workers?: number;
  /** Extra environment for the server. */
  env?: Record<string, string>;
}

export async function startMlflowServer(env: PythonEnv, options: MlflowServerOptions): Promise<MlflowServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const logFile = path.join(options.dataDir, `mlflow-server-${port}.log`);
  const url = `http://127.0.0.1:${port}`;
  const args = [
    'server',
    '--backend-store-uri',
    options.backendStoreUri ?? `sqlite:///${path.join(options.dataDir, 'mlflow.db')}`,
    '--artifacts-destination',
    options.artifactsDestination ?? path.join(options.dataDir, 'artifacts'),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    // One worker starts in half the time on two cores and is plenty for one browser.
    '--workers',
    String(options.workers ?? 1),
    ...(options.args ?? []),
  ];
  // In its own process group (startService), so stopping it also stops uvicorn's workers.
  const stop = await startService('mlflow server', env.mlflow, args, {
    logFile,
    // MLflow 3's job runner (GenAI scorers) starts ~8 huey processes of ~230 MB each; nothing
    // Runlens shows needs it.
    env: { PYTHONUNBUFFERED: '1', MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false', ...options.env },
    ready: async () => (await fetch(`${url}/health`)).ok,
    timeoutMs: 120_000,
  });
  return { url, port, logFile, stop };
}
