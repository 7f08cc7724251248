// The Python side of the harness: virtualenvs with pinned packages from PyPI, installed once
// and reused until their requirement files change. The main one (e2e/data/requirements.txt +
// constraints.txt, a full freeze) has the mlflow server and client the suite, the demo and the
// bench use; the backend matrix adds one per other backend (e2e/backends/*.txt).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './processes.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const DATA_DIR = path.join(REPO_ROOT, 'e2e/data');

/** A virtualenv: where it lives, what goes in it, and the command that shows it is complete. */
export interface PythonEnvSpec {
  dir: string;
  requirements: string;
  /** A full `pip freeze` of an environment built from `requirements`, so every machine resolves alike. */
  constraints?: string;
  /** An executable in bin/ that the installation provides. */
  provides: string;
}

export const MAIN_ENV: PythonEnvSpec = {
  dir: process.env.RUNLENS_VENV ?? path.join(REPO_ROOT, '.cache/venv'),
  requirements: path.join(DATA_DIR, 'requirements.txt'),
  constraints: path.join(DATA_DIR, 'constraints.txt'),
  provides: 'mlflow',
};

export interface PythonEnv {
  python: string;
  mlflow: string;
  /** Any executable the environment installed (`fml` for FastTrackML). */
  bin(name: string): string;
}

function binaries(dir: string): PythonEnv {
  const bin = (name: string) => path.join(dir, 'bin', name);
  return { python: bin('python'), mlflow: bin('mlflow'), bin };
}

async function basePython(): Promise<string> {
  const candidates = [process.env.RUNLENS_PYTHON, 'python3.11', 'python3.12', 'python3.13', 'python3.10', 'python3'].filter(
    (c): c is string => Boolean(c),
  );
  for (const candidate of candidates) {
    const version = await run(candidate, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { quiet: true }).catch(() => '');
    const [major, minor] = version.trim().split('.').map(Number);
    if (major === 3 && (minor ?? 0) >= 10) return candidate;
  }
  throw new Error('Python ≥ 3.10 with venv is needed (apt-get install python3 python3-venv), or set RUNLENS_PYTHON');
}

export async function ensurePythonEnv(log: (line: string) => void = console.log, spec: PythonEnvSpec = MAIN_ENV): Promise<PythonEnv> {
  const stampFile = path.join(spec.dir, '.runlens-stamp');
  const python = await basePython();
  const constraints = spec.constraints && existsSync(spec.constraints) ? spec.constraints : undefined;
  const stamp = createHash('sha256')
    .update(readFileSync(spec.requirements))
    .update(constraints ? readFileSync(constraints) : '')
    .update(python)
    .digest('hex');
  const env = binaries(spec.dir);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(env.bin(spec.provides))) return env;

  log(`Creating the Python environment in ${path.relative(REPO_ROOT, spec.dir)} (from PyPI; first time only, ~2 min)…`);
  rmSync(spec.dir, { recursive: true, force: true });
  mkdirSync(path.dirname(spec.dir), { recursive: true });
  await run(python, ['-m', 'venv', spec.dir], { quiet: true });
  const pipArgs = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-q', '-r', spec.requirements];
  if (constraints) pipArgs.push('-c', constraints);
  await run(env.python, pipArgs, { quiet: true });
  writeFileSync(stampFile, stamp);
  return env;
}
