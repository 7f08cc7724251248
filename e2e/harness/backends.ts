// The backend matrix: each tracking server Runlens is tested against beside the main suite's
// MLflow 3, installed from PyPI by these scripts (pinned, in its own .cache virtualenv), started
// on a free loopback port with a throw-away store, and filled by e2e/data/populate.py through
// the real mlflow client that comes with it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startGateway } from './gateway.ts';
import { startMlflowServer } from './mlflow-server.ts';
import { freePort, startService } from './processes.ts';
import { ensurePythonEnv, MAIN_ENV, REPO_ROOT, type PythonEnv, type PythonEnvSpec } from './python-env.ts';
import { createBucket, startS3Store } from './s3-store.ts';

/** A started backend: where the data scripts log to, and how Runlens is pointed at it. */
export interface TrackingServer {
  /** The mlflow client's address for the data scripts (a gateway's backend is logged into directly). */
  dataUrl: string;
  /** The mlflow client's environment for the data scripts. */
  dataEnv: Record<string, string>;
  /** How `runlens serve` reaches it: its --tracking-uri and environment; `wrong` gives a bad secret. */
  runlens(wrong?: boolean): { trackingUri: string; env: Record<string, string> };
  /** Whether it refuses requests without a secret (so a wrong one must show a 401). */
  guarded: boolean;
  /** A store folder `runlens serve <folder> --python <python>` can serve by itself. */
  localStore?: { folder: string; python: string };
  /** A second server over the same runs whose artifact store refuses its credentials. */
  refusingStore?: { trackingUri: string };
  stop(): Promise<void>;
}

/** A server anyone on loopback may read. */
const open = (server: { url: string; stop(): Promise<void> }): TrackingServer => ({
  dataUrl: server.url,
  dataEnv: {},
  runlens: () => ({ trackingUri: server.url, env: {} }),
  guarded: false,
  stop: () => server.stop(),
});

export interface BackendSpec {
  id: string;
  title: string;
  env: PythonEnvSpec;
  /** What the app's header says this server is. */
  shownAs: RegExp;
  /** Whether the server keeps MLflow 3's LoggedModels (else models are folders of the run's artifacts). */
  loggedModels: boolean;
  start(env: PythonEnv, dataDir: string): Promise<TrackingServer>;
}

const backendEnv = (name: string, provides: string): PythonEnvSpec => ({
  dir: path.join(REPO_ROOT, `.cache/venv-${name}`),
  requirements: path.join(REPO_ROOT, `e2e/backends/${name}.txt`),
  constraints: path.join(REPO_ROOT, `e2e/backends/${name}.constraints.txt`),
  provides,
});

/** FastTrackML's `fml server`, with its SQLite store and artifact root in `dataDir`. */
async function startFastTrackML(env: PythonEnv, dataDir: string): Promise<TrackingServer> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ['server', '--listen-address', `127.0.0.1:${port}`, '--database-uri', `sqlite://${path.join(dataDir, 'fml.db')}`];
  const stop = await startService('fml server', env.bin('fml'), [...args, '--default-artifact-root', path.join(dataDir, 'artifacts')], {
    logFile: path.join(dataDir, `fml-${port}.log`),
    ready: async () => (await fetch(`${url}/health`)).ok,
    timeoutMs: 60_000,
  });
  return open({ url, stop });
}

const ADMIN = { username: 'admin', password: 'runlens-e2e-admin-1' };

/**
 * MLflow's basic-auth app. Its user store is SQLite at the path its ini file names (relative to
 * the working directory by default), so each server gets its own ini pointing into `dataDir`;
 * the admin is created at first start with MLFLOW_AUTH_ADMIN_PASSWORD.
 */
async function startBasicAuthMlflow(env: PythonEnv, dataDir: string): Promise<TrackingServer> {
  mkdirSync(dataDir, { recursive: true });
  const ini = path.join(dataDir, 'basic_auth.ini');
  writeFileSync(
    ini,
    [
      '[mlflow]',
      'default_permission = READ',
      `database_uri = sqlite:///${path.join(dataDir, 'basic_auth.db')}`,
      `admin_username = ${ADMIN.username}`,
      'authorization_function = mlflow.server.auth:authenticate_request_basic_auth',
      // Every request's password is checked with a PBKDF2 hash: on two busy cores (CI) the
      // journey took 57 s against 17 s alone. A checked password is kept a minute (MLflow's option).
      'auth_cache_ttl_seconds = 60',
      '',
    ].join('\n'),
  );
  const server = await startMlflowServer(env, {
    dataDir,
    args: ['--app-name', 'basic-auth'],
    env: { MLFLOW_AUTH_CONFIG_PATH: ini, MLFLOW_AUTH_ADMIN_PASSWORD: ADMIN.password, MLFLOW_FLASK_SERVER_SECRET_KEY: 'runlens-e2e' },
  });
  const signIn = (password: string) => ({ MLFLOW_TRACKING_USERNAME: ADMIN.username, MLFLOW_TRACKING_PASSWORD: password });
  return {
    dataUrl: server.url,
    dataEnv: signIn(ADMIN.password),
    runlens: (wrong = false) => ({ trackingUri: server.url, env: signIn(wrong ? 'wrong' : ADMIN.password) }),
    guarded: true,
    stop: () => server.stop(),
  };
}

const GATEWAY_TOKEN = 'dapi-runlens-e2e-0123456789';

/**
 * MLflow behind the Databricks-shaped gateway (gateway.ts). Runlens is set up as a Databricks
 * user would set up the mlflow client: MLFLOW_TRACKING_URI=databricks with DATABRICKS_HOST and
 * DATABRICKS_TOKEN, and the gateway's certificate trusted with MLFLOW_TRACKING_SERVER_CERT_PATH.
 */
async function startGatewayedMlflow(env: PythonEnv, dataDir: string): Promise<TrackingServer> {
  const server = await startMlflowServer(env, { dataDir });
  try {
    const gateway = await startGateway(server.url, GATEWAY_TOKEN, path.join(dataDir, 'gateway'));
    return {
      dataUrl: server.url,
      dataEnv: {},
      runlens: (wrong = false) => ({
        trackingUri: 'databricks',
        env: {
          DATABRICKS_HOST: gateway.url,
          DATABRICKS_TOKEN: wrong ? 'dapi-wrong' : GATEWAY_TOKEN,
          MLFLOW_TRACKING_SERVER_CERT_PATH: gateway.certFile,
        },
      }),
      guarded: true,
      stop: async () => {
        await gateway.stop();
        await server.stop();
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

const BUCKET = 'runlens-e2e';

/**
 * MLflow keeping artifacts in S3 (`--artifacts-destination s3://…`, as seed 004 runs it with
 * MinIO), against moto's S3 server; the clients reach them through MLflow's artifact proxy. A
 * second MLflow over the same runs points at a store that refuses its credentials.
 */
async function startS3Mlflow(env: PythonEnv, dataDir: string): Promise<TrackingServer> {
  const motoEnv = await ensurePythonEnv((line) => console.log(`[s3] ${line}`), backendEnv('moto', 'moto_server'));
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const store = await startS3Store(motoEnv, path.join(dataDir, 's3'));
    stops.push(store.stop);
    await createBucket(store, BUCKET);
    const server = await startMlflowServer(env, { dataDir, artifactsDestination: `s3://${BUCKET}`, env: store.clientEnv });
    stops.push(server.stop);
    const refusing = await startS3Store(motoEnv, path.join(dataDir, 's3-refusing'), { refuseEveryone: true });
    stops.push(refusing.stop);
    const refused = await startMlflowServer(env, { dataDir, artifactsDestination: `s3://${BUCKET}`, env: refusing.clientEnv });
    stops.push(refused.stop);
    return { ...open({ url: server.url, stop: stopAll }), refusingStore: { trackingUri: refused.url } };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

export const BACKENDS: readonly BackendSpec[] = [
  {
    id: 'mlflow-2.22',
    title: 'MLflow 2.22 (SQLite)',
    env: backendEnv('mlflow-2.22', 'mlflow'),
    shownAs: /MLflow 2\.22\.\d+/,
    loggedModels: false,
    start: async (env, dataDir) => open(await startMlflowServer(env, { dataDir })),
  },
  {
    id: 'mlflow-3.5',
    title: 'MLflow 3.5 (SQLite, security middleware on)',
    env: backendEnv('mlflow-3.5', 'mlflow'),
    shownAs: /MLflow 3\.5\.\d+/,
    loggedModels: true,
    start: async (env, dataDir) => open(await startMlflowServer(env, { dataDir })),
  },
  {
    id: 'mlflow-file-store',
    title: 'MLflow 3 with a file store (./mlruns)',
    env: MAIN_ENV,
    shownAs: /MLflow 3\.\d+\.\d+/,
    loggedModels: true,
    // MLflow 3.x refuses a file store unless told that is wanted (it is "in maintenance mode").
    start: async (env, dataDir) => {
      const folder = path.join(dataDir, 'mlruns');
      const server = await startMlflowServer(env, { dataDir, backendStoreUri: folder, env: { MLFLOW_ALLOW_FILE_STORE: 'true' } });
      return { ...open(server), localStore: { folder, python: env.python } };
    },
  },
  {
    id: 'mlflow-basic-auth',
    title: "MLflow 3's basic-auth app",
    env: MAIN_ENV,
    shownAs: /MLflow 3\.\d+\.\d+/,
    loggedModels: true,
    start: startBasicAuthMlflow,
  },
  {
    id: 'mlflow-s3',
    title: 'MLflow 3 with an S3 artifact store (moto)',
    env: MAIN_ENV,
    shownAs: /MLflow 3\.\d+\.\d+/,
    loggedModels: true,
    start: startS3Mlflow,
  },
  {
    id: 'databricks-gateway',
    title: 'A token-guarded gateway shaped like Databricks (nginx, TLS, /api/2.0 only)',
    env: MAIN_ENV,
    shownAs: /^Databricks$/,
    loggedModels: true,
    start: startGatewayedMlflow,
  },
  {
    id: 'fasttrackml',
    title: 'FastTrackML 0.6',
    env: backendEnv('fasttrackml', 'fml'),
    shownAs: /FastTrackML 0\.6\.\d+/,
    loggedModels: false,
    start: startFastTrackML,
  },
];
