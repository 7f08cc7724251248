import { describe, expect, it } from 'vitest';
import autologMlModel from './__fixtures__/autolog-best_estimator.MLmodel.mlflow-3.17.2.txt?raw';
import elasticnetMlModel from './__fixtures__/elasticnet-sk_model.MLmodel.mlflow-3.17.2.txt?raw';
import svcMlModel from './__fixtures__/kubeflow-svc.MLmodel.mlflow-3.17.2.txt?raw';
import { parseMlModel } from './parse-mlmodel.ts';

describe('parseMlModel on files MLflow 3.17.2 wrote', () => {
  it('reads the flavors, identity and example info of a log_model LoggedModel (seed 002)', () => {
    const result = parseMlModel(elasticnetMlModel);
    if (!result.ok) throw new Error(result.error);
    const { model } = result;
    expect(model.flavors.map((f) => f.name)).toEqual(['python_function', 'sklearn']);
    expect(model.flavors[0]).toMatchObject({ loaderModule: 'mlflow.sklearn', pythonVersion: '3.11.7', modelFile: 'model.skops' });
    expect(model.flavors[1]).toMatchObject({ serializationFormat: 'skops', libraryVersion: { key: 'sklearn_version', value: '1.9.1' } });
    expect(model).toMatchObject({
      mlflowVersion: '3.17.2',
      modelId: 'm-25c3224ba0f54727b39b14cc275f796b',
      runId: '44215888de914528840dd4fe90077854',
      sizeBytes: 11821,
      createdUtc: '2026-11-22 15:44:54.886042',
      environment: { conda: 'conda.yaml', virtualenv: 'python_env.yaml' },
      inputExample: {
        artifactPath: 'input_example.json',
        type: 'dataframe',
        pandasOrient: 'split',
        servingInputPath: 'serving_input_example.json',
        hasParams: false,
      },
    });
    const inputs = model.signature?.inputs;
    expect(inputs?.ok && inputs.value.kind === 'columns' && inputs.value.columns.map((c) => c.name)).toEqual([
      'age',
      'sex',
      'bmi',
      'bp',
      's1',
      's2',
      's3',
      's4',
      's5',
      's6',
    ]);
    const outputs = model.signature?.outputs;
    expect(outputs?.ok && outputs.value).toEqual({ kind: 'tensors', tensors: [{ name: undefined, dtype: 'float64', shape: [null] }] });
    expect(model.signature?.params).toBeUndefined(); // `params: null`
  });

  it('reads a save_model folder uploaded with log_artifact (seed 004) and an autolog model (seed 000)', () => {
    const svc = parseMlModel(svcMlModel);
    expect(svc.ok && svc.model.modelId).toBeUndefined(); // `model_id: null`
    expect(svc.ok && svc.model.flavors[1]?.serializationFormat).toBe('cloudpickle');
    const autolog = parseMlModel(autologMlModel);
    const inputs = autolog.ok ? autolog.model.signature?.inputs : undefined;
    expect(inputs?.ok && inputs.value).toEqual({ kind: 'tensors', tensors: [{ name: undefined, dtype: 'float64', shape: [null, 4] }] });
    expect(autolog.ok && autolog.model.inputExample).toBeUndefined();
  });
});

describe('parseMlModel on hostile and broken files', () => {
  it('refuses JavaScript tags instead of running or stringifying them', () => {
    const text = "flavors:\n  python_function:\n    loader_module: !!js/function 'function () { window.pwned = true }'\n";
    const result = parseMlModel(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/Unresolved tag/);
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('reports broken YAML, wrong types and megabyte files as errors', () => {
    expect(parseMlModel('flavors:\n  python_function: {loader_module: x\n').ok).toBe(false);
    expect(parseMlModel('- a\n- b\n')).toEqual({ ok: false, error: expect.stringMatching(/not a mapping/) });
    expect(parseMlModel('flavors: [python_function]\n')).toEqual({ ok: false, error: expect.stringMatching(/flavors/) });
    expect(parseMlModel(`flavors: {}\npad: "${'x'.repeat(2_000_000)}"\n`)).toEqual({
      ok: false,
      error: expect.stringMatching(/too large/),
    });
  });

  it('drops values of the wrong type and keeps the rest', () => {
    const result = parseMlModel(
      'flavors:\n  sklearn: 3\nsignature: 42\nmodel_size_bytes: lots\nsaved_input_example_info: nope\nutc_time_created: [2024]\n',
    );
    expect(result).toMatchObject({
      ok: true,
      model: { sizeBytes: undefined, signature: undefined, inputExample: undefined, createdUtc: undefined },
    });
    expect(result.ok && result.model.flavors[0]?.name).toBe('sklearn');
  });

  it('bounds alias expansion ("billion laughs")', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
      'flavors: {}',
    ].join('\n');
    expect(parseMlModel(bomb).ok).toBe(false);
  });
});
