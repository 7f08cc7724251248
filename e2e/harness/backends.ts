// The backend matrix: each tracking server Runlens is tested against beside the main suite's
// MLflow 3, installed from PyPI by these scripts (pinned, in its own .cache virtualenv), started
// on a free loopback port with a throw-away store, and filled by e2e/data/populate.py through
// the real mlflow client that comes with it.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMlflowServer } from './mlflow-server.ts';
import { freePort, stopProcessGroup, waitFor } from './processes.ts';
import { MAIN_ENV, REPO_ROOT, type PythonEnv, type PythonEnvSpec } from './python-env.ts';

export interface TrackingServer {
  url: string;
  stop(): Promise<void>;
}

export interface BackendSpec {
  id: string;
  title: string;
  env: PythonEnvSpec;
  /** What the app's header says this server is. */
  shownAs: RegExp;
  /** Whether the server keeps MLflow 3's LoggedModels (else models are folders of the run's artifacts). */
  loggedModels: boolean;
  /** The user the data scripts and Runlens sign in as (MLFLOW_TRACKING_USERNAME / _PASSWORD). */
  credentials?: { username: string; password: string };
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
  const logFile = path.join(dataDir, `fml-${port}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(
    env.bin('fml'),
    [
      'server',
      '--listen-address',
      `127.0.0.1:${port}`,
      '--database-uri',
      `sqlite://${path.join(dataDir, 'fml.db')}`,
      '--default-artifact-root',
      path.join(dataDir, 'artifacts'),
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopProcessGroup(child);
  try {
    await waitFor('fml server', async () => (await fetch(`${url}/health`)).ok, 60_000, child);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- ${logFile} ---\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
  }
  return { url, stop };
}

const ADMIN = { username: 'admin', password: 'runlens-e2e-admin-1' };

/**
 * MLflow's basic-auth app. Its user store is SQLite at the path its ini file names (relative to
 * the working directory by default), so each server gets its own ini pointing into `dataDir`;
 * the admin is created at first start with MLFLOW_AUTH_ADMIN_PASSWORD.
 */
function startBasicAuthMlflow(env: PythonEnv, dataDir: string): Promise<TrackingServer> {
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
      '',
    ].join('\n'),
  );
  return startMlflowServer(env, {
    dataDir,
    args: ['--app-name', 'basic-auth'],
    env: { MLFLOW_AUTH_CONFIG_PATH: ini, MLFLOW_AUTH_ADMIN_PASSWORD: ADMIN.password, MLFLOW_FLASK_SERVER_SECRET_KEY: 'runlens-e2e' },
  });
}

export const BACKENDS: readonly BackendSpec[] = [
  {
    id: 'mlflow-2.22',
    title: 'MLflow 2.22 (SQLite)',
    env: backendEnv('mlflow-2.22', 'mlflow'),
    shownAs: /MLflow 2\.22\.\d+/,
    loggedModels: false,
    start: (env, dataDir) => startMlflowServer(env, { dataDir }),
  },
  {
    id: 'mlflow-3.5',
    title: 'MLflow 3.5 (SQLite, security middleware on)',
    env: backendEnv('mlflow-3.5', 'mlflow'),
    shownAs: /MLflow 3\.5\.\d+/,
    loggedModels: true,
    start: (env, dataDir) => startMlflowServer(env, { dataDir }),
  },
  {
    id: 'mlflow-file-store',
    title: 'MLflow 3 with a file store (./mlruns)',
    env: MAIN_ENV,
    shownAs: /MLflow 3\.\d+\.\d+/,
    loggedModels: true,
    // MLflow 3.x refuses a file store unless told that is wanted (it is "in maintenance mode").
    start: (env, dataDir) =>
      startMlflowServer(env, { dataDir, backendStoreUri: path.join(dataDir, 'mlruns'), env: { MLFLOW_ALLOW_FILE_STORE: 'true' } }),
  },
  {
    id: 'mlflow-basic-auth',
    title: "MLflow 3's basic-auth app",
    env: MAIN_ENV,
    shownAs: /MLflow 3\.\d+\.\d+/,
    loggedModels: true,
    credentials: ADMIN,
    start: startBasicAuthMlflow,
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
