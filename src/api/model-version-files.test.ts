import { describe, expect, it } from 'vitest';
import { modelVersionFiles } from './model-version-files.ts';

describe('modelVersionFiles', () => {
  it('reads an MLflow 3 version from its LoggedModel (source models:/<model_id>, as 3.17 registers it)', () => {
    expect(modelVersionFiles({ modelId: 'm-1', source: 'models:/m-1', runId: 'r' })).toEqual({
      source: { kind: 'logged-model', modelId: 'm-1' },
      dirPath: '',
    });
    expect(modelVersionFiles({ modelId: undefined, source: 'mlflow-artifacts:/15/models/m-2/artifacts', runId: 'r' })).toEqual({
      source: { kind: 'logged-model', modelId: 'm-2' },
      dirPath: '',
    });
  });

  it("reads a runs:/ source (MLflow 2) from that run's folder", () => {
    expect(modelVersionFiles({ modelId: undefined, source: 'runs:/abc/model', runId: 'abc' })).toEqual({
      source: { kind: 'run', runId: 'abc' },
      dirPath: 'model',
    });
    expect(modelVersionFiles({ modelId: undefined, source: 'runs:/abc/nested/model/', runId: undefined })).toEqual({
      source: { kind: 'run', runId: 'abc' },
      dirPath: 'nested/model',
    });
  });

  it("reads a storage URI inside the version's run from the run's artifacts", () => {
    for (const source of [
      'mlflow-artifacts:/1/abc/artifacts/model',
      's3://bucket/mlruns/1/abc/artifacts/model',
      'file:///srv/mlruns/1/abc/artifacts/model',
    ]) {
      expect(modelVersionFiles({ modelId: undefined, source, runId: 'abc' }), source).toEqual({
        source: { kind: 'run', runId: 'abc' },
        dirPath: 'model',
      });
    }
    expect(modelVersionFiles({ modelId: undefined, source: 's3://b/1/abc/artifacts', runId: 'abc' })?.dirPath).toBe('');
  });

  it('gives up on a source it cannot place', () => {
    expect(modelVersionFiles({ modelId: undefined, source: 's3://bucket/exported/model', runId: 'abc' })).toBeUndefined();
    expect(modelVersionFiles({ modelId: undefined, source: 's3://bucket/1/abc/artifactsX/model', runId: 'abc' })).toBeUndefined();
    expect(modelVersionFiles({ modelId: undefined, source: 'mlflow-artifacts:/1/abc/artifacts/model', runId: undefined })).toBeUndefined();
    expect(modelVersionFiles({ modelId: undefined, source: undefined, runId: 'abc' })).toBeUndefined();
  });
});
