import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localStoreUri, startLocalMlflow } from './local-store.ts';

describe('localStoreUri', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runlens-store-'));
  const db = path.join(dir, 'mlflow.db');
  writeFileSync(db, '');

  it('leaves tracking servers and databricks alone', () => {
    expect(localStoreUri('http://127.0.0.1:5000')).toBeUndefined();
    expect(localStoreUri('https://mlflow.example')).toBeUndefined();
    expect(localStoreUri('databricks')).toBeUndefined();
    expect(localStoreUri('databricks://profile')).toBeUndefined();
  });

  it('takes an mlruns folder as a file store and a file as an SQLite store, relative to the working directory', () => {
    expect(localStoreUri('.', dir)).toBe(`file://${dir}`);
    expect(localStoreUri('mlflow.db', dir)).toBe(`sqlite:///${db}`);
    expect(localStoreUri('missing', dir)).toBeUndefined();
  });

  it('passes file: and sqlite: URIs as they are', () => {
    expect(localStoreUri('file:///srv/mlruns')).toBe('file:///srv/mlruns');
    expect(localStoreUri('sqlite:///srv/mlflow.db')).toBe('sqlite:///srv/mlflow.db');
  });
});

describe('startLocalMlflow', () => {
  it('says mlflow is not installed when the command is missing', async () => {
    await expect(startLocalMlflow('file:///tmp/x', '/nonexistent/python3', 5_000)).rejects.toThrow(/was not found: install MLflow/);
  });

  it('says the Python has no mlflow', async () => {
    await expect(startLocalMlflow('file:///tmp/x', 'python3', 20_000)).rejects.toThrow(/has no mlflow: pip install mlflow/);
  });
});
