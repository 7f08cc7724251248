// An S3-compatible object store for MLflow's artifacts: moto's server (PyPI; MinIO's server is
// not on the registries), on a free loopback port. `refuseEveryone` turns on its IAM checks with
// no user defined, so every request is refused as a store refuses unknown credentials.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort, startService } from './processes.ts';
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
  const url = `http://127.0.0.1:${port}`;
  const stop = await startService('moto_server', env.bin('moto_server'), ['-H', '127.0.0.1', '-p', String(port)], {
    logFile: path.join(dir, `moto-${port}.log`),
    env: options.refuseEveryone ? { INITIAL_NO_AUTH_ACTION_COUNT: '0' } : {},
    ready: async () => (await fetch(`${url}/moto-api/`)).status < 500,
    timeoutMs: 60_000,
  });
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
