// An MLmodel file (mlflow/models/model.py) read into what the model view shows. Every key may
// be absent and unknown keys are ignored; a value of the wrong type is dropped, not trusted.
import { isRecord, parseYamlSafely } from './parse-yaml.ts';
import { parseParams, parseSchema, type Parsed, type ParamSpec, type Schema } from './signature.ts';

export interface Flavor {
  name: string;
  loaderModule: string | undefined;
  pythonVersion: string | undefined;
  /** e.g. { key: 'sklearn_version', value: '1.9.1' }. */
  libraryVersion: { key: string; value: string } | undefined;
  serializationFormat: string | undefined;
  /** The file or folder the flavor loads (model_path, pickled_model, data…). */
  modelFile: string | undefined;
}

export interface InputExampleInfo {
  artifactPath: string;
  /** dataframe | ndarray | sparse_matrix_csc | sparse_matrix_csr | json_object (or unknown). */
  type: string;
  pandasOrient: string | undefined;
  /** Named in the MLmodel: serving_input_example.json, or serving_input_payload.json (2.15). */
  servingInputPath: string | undefined;
  /** The example was given as (data, params): the data sits under `inputs`. */
  hasParams: boolean;
}

export interface Signature {
  inputs: Parsed<Schema> | undefined;
  outputs: Parsed<Schema> | undefined;
  params: Parsed<ParamSpec[]> | undefined;
}

export interface MlModel {
  artifactPath: string | undefined;
  runId: string | undefined;
  modelId: string | undefined;
  modelUuid: string | undefined;
  mlflowVersion: string | undefined;
  sizeBytes: number | undefined;
  /** As written: 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC. */
  createdUtc: string | undefined;
  flavors: Flavor[];
  signature: Signature | undefined;
  inputExample: InputExampleInfo | undefined;
  /** Environment files named by the python_function flavor (defaults when absent). */
  environment: { conda: string | undefined; virtualenv: string | undefined };
}

export type MlModelResult = { ok: true; model: MlModel } | { ok: false; error: string };

const MODEL_FILE_KEYS = ['model_path', 'pickled_model', 'data', 'model_data', 'saved_model_dir', 'python_model'];

export function parseMlModel(text: string): MlModelResult {
  const parsed = parseYamlSafely(text);
  if (!parsed.ok) return { ok: false, error: `Not a readable MLmodel file: ${parsed.error}` };
  const doc = parsed.value;
  if (!isRecord(doc)) return { ok: false, error: 'Not a readable MLmodel file: the top level is not a mapping' };
  if (!isRecord(doc.flavors)) return { ok: false, error: 'Not a readable MLmodel file: "flavors" is missing or not a mapping' };

  const flavors = Object.entries(doc.flavors).map(([name, value]) => toFlavor(name, isRecord(value) ? value : {}));
  const pyfunc = isRecord(doc.flavors.python_function) ? doc.flavors.python_function : {};
  const env = isRecord(pyfunc.env) ? pyfunc.env : {};
  return {
    ok: true,
    model: {
      artifactPath: str(doc.artifact_path),
      runId: str(doc.run_id),
      modelId: str(doc.model_id),
      modelUuid: str(doc.model_uuid),
      mlflowVersion: str(doc.mlflow_version),
      sizeBytes: typeof doc.model_size_bytes === 'number' && Number.isFinite(doc.model_size_bytes) ? doc.model_size_bytes : undefined,
      createdUtc: str(doc.utc_time_created),
      flavors,
      signature: toSignature(doc.signature),
      inputExample: toExampleInfo(doc.saved_input_example_info),
      environment: {
        // Older models name only `conda` as a string in env.
        conda: str(env.conda) ?? (typeof pyfunc.env === 'string' ? pyfunc.env : undefined),
        virtualenv: str(env.virtualenv),
      },
    },
  };
}

function toFlavor(name: string, value: Record<string, unknown>): Flavor {
  const versionKey = Object.keys(value).find((key) => key.endsWith('_version') && key !== 'python_version' && str(value[key]));
  const fileKey = MODEL_FILE_KEYS.find((key) => str(value[key]));
  return {
    name,
    loaderModule: str(value.loader_module),
    pythonVersion: str(value.python_version),
    libraryVersion: versionKey ? { key: versionKey, value: str(value[versionKey]) ?? '' } : undefined,
    serializationFormat: str(value.serialization_format),
    modelFile: fileKey ? str(value[fileKey]) : undefined,
  };
}

function toSignature(value: unknown): Signature | undefined {
  if (!isRecord(value)) return undefined;
  const present = (raw: unknown) => raw !== undefined && raw !== null;
  return {
    inputs: present(value.inputs) ? parseSchema(value.inputs) : undefined,
    outputs: present(value.outputs) ? parseSchema(value.outputs) : undefined,
    params: present(value.params) ? parseParams(value.params) : undefined,
  };
}

function toExampleInfo(value: unknown): InputExampleInfo | undefined {
  if (!isRecord(value)) return undefined;
  const artifactPath = str(value.artifact_path);
  if (!artifactPath) return undefined;
  return {
    artifactPath,
    type: str(value.type) ?? 'unknown',
    pandasOrient: str(value.pandas_orient),
    servingInputPath: str(value.serving_input_path),
    // Written as the string "true" by MLflow; a YAML boolean from other writers.
    hasParams: value.params === true || value.params === 'true',
  };
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
