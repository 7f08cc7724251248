// An S3-compatible object store for MLflow's artifacts: moto's server (PyPI; MinIO's server is
// not on the registries), on a free loopback port. `refuseEveryone` turns on its IAM checks with
// no user defined, so every request is refused as a store refuses unknown credentials.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, stopProcessGroup, waitFor } from './processes.ts';
import type { PythonEnv } from './python-env.ts';

export interface S3Store {
  url: string;
  /** The environment an S3 client (MLflow's server) needs to use this store. */
  clientEnv: Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3Store(env: PythonEnv, dir: string, options: { refuseEveryone?: boolean } = {}): Promise<S3Store> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const logFile = path.join(dir, `moto-${port}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(env.bin('moto_server'), ['-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(options.refuseEveryone ? { INITIAL_NO_AUTH_ACTION_COUNT: '0' } : {}) },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopProcessGroup(child);
  try {
    await waitFor('moto_server', async () => (await fetch(`${url}/moto-api/`)).status < 500, 60_000, child);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- ${logFile} ---\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
  }
  const clientEnv = {
    MLFLOW_S3_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'runlens-e2e',
    AWS_SECRET_ACCESS_KEY: 'runlens-e2e-secret',
    AWS_DEFAULT_REGION: 'us-east-1',
  };
  return { url, clientEnv, stop };
}

/** Creates a bucket (moto's server takes unsigned requests while its IAM checks are off). */
export async function createBucket(store: S3Store, name: string): Promise<void> {
  const res = await fetch(`${store.url}/${name}`, { method: 'PUT' });
  if (!res.ok) throw new Error(`cannot create bucket ${name}: ${res.status} ${await res.text()}`);
}
