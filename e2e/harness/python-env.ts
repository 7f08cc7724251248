// The Python side of the harness: a virtualenv with the pinned mlflow and scikit-learn from
// e2e/data/requirements.txt (+ constraints.txt, a full freeze), installed from PyPI once and
// reused until those files change.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './processes.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const DATA_DIR = path.join(REPO_ROOT, 'e2e/data');
const REQUIREMENTS = path.join(DATA_DIR, 'requirements.txt');
const CONSTRAINTS = path.join(DATA_DIR, 'constraints.txt');
export const VENV_DIR = process.env.RUNLENS_VENV ?? path.join(REPO_ROOT, '.cache/venv');

export interface PythonEnv {
  python: string;
  mlflow: string;
}

function binaries(): PythonEnv {
  return { python: path.join(VENV_DIR, 'bin/python'), mlflow: path.join(VENV_DIR, 'bin/mlflow') };
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

export async function ensurePythonEnv(log: (line: string) => void = console.log): Promise<PythonEnv> {
  const stampFile = path.join(VENV_DIR, '.runlens-stamp');
  const python = await basePython();
  const stamp = createHash('sha256')
    .update(readFileSync(REQUIREMENTS))
    .update(existsSync(CONSTRAINTS) ? readFileSync(CONSTRAINTS) : '')
    .update(python)
    .digest('hex');
  const env = binaries();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(env.mlflow)) return env;

  log(`Creating the Python environment in ${path.relative(REPO_ROOT, VENV_DIR)} (mlflow from PyPI; first time only, ~2 min)…`);
  rmSync(VENV_DIR, { recursive: true, force: true });
  mkdirSync(path.dirname(VENV_DIR), { recursive: true });
  await run(python, ['-m', 'venv', VENV_DIR], { quiet: true });
  const pipArgs = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-q', '-r', REQUIREMENTS];
  if (existsSync(CONSTRAINTS)) pipArgs.push('-c', CONSTRAINTS);
  await run(env.python, pipArgs, { quiet: true });
  writeFileSync(stampFile, stamp);
  return env;
}
