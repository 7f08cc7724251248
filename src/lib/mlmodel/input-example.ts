// Shapes input_example.json the way `saved_input_example_info` describes it (mlflow/models/
// utils.py, _Example): a DataFrame as a table (split orient carries column names; values orient
// takes them from the signature), ndarrays as arrays (named when a dict of arrays), json_object
// as JSON. An example logged as (data, params) holds the data under `inputs`.
import { formatJson } from '@/lib/json-depth.ts';
import { jsonText } from '@/lib/json-text.ts';
import { TABLE_CAPS } from '@/lib/table-preview.ts';
import { isRecord } from './parse-yaml.ts';
import type { InputExampleInfo } from './parse-mlmodel.ts';
import type { Schema } from './signature.ts';

export const EXAMPLE_ROW_CAP = 100;

export type ExampleView =
  /** The first rows and columns (the CSV preview's column cap), and how many there are in all. */
  | { kind: 'table'; columns: string[]; rows: unknown[][]; totalRows: number; totalColumns: number }
  | { kind: 'tensors'; tensors: { name: string | undefined; value: unknown }[] }
  | { kind: 'sparse'; shape: number[] | undefined; storedValues: number; format: string }
  | { kind: 'json'; value: unknown };

export interface ShapedExample {
  view: ExampleView;
  /** Inference params logged with the example. */
  params: unknown;
}

export function shapeInputExample(info: Pick<InputExampleInfo, 'type' | 'hasParams'>, json: unknown, inputs?: Schema): ShapedExample {
  let data = json;
  let params: unknown = undefined;
  if (info.hasParams && isRecord(json) && 'inputs' in json) {
    data = json.inputs;
    params = json.params;
  }
  return { view: shape(info.type, data, inputs), params };
}

function shape(type: string, data: unknown, inputs: Schema | undefined): ExampleView {
  if (type === 'dataframe') return dataframe(data, inputs) ?? { kind: 'json', value: data };
  if (type === 'ndarray') return tensors(data);
  if (type === 'sparse_matrix_csc' || type === 'sparse_matrix_csr') {
    const record = isRecord(data) ? data : {};
    const shapeValue =
      Array.isArray(record.shape) && record.shape.every((n) => typeof n === 'number') ? (record.shape as number[]) : undefined;
    return {
      kind: 'sparse',
      shape: shapeValue,
      storedValues: Array.isArray(record.data) ? record.data.length : 0,
      format: type.slice(-3).toUpperCase(),
    };
  }
  return { kind: 'json', value: data };
}

function dataframe(data: unknown, inputs: Schema | undefined): ExampleView | undefined {
  // Records orient (a list of objects): accepted by MLflow's loaders, written by old versions.
  if (Array.isArray(data) && data.every(isRecord)) {
    const columns = [...new Set(data.flatMap((row) => Object.keys(row)))];
    return table(
      columns,
      data.map((row) => columns.map((c) => row[c])),
    );
  }
  if (!isRecord(data) || !Array.isArray(data.data)) return undefined;
  const rows = data.data.map((row) => (Array.isArray(row) ? row : [row]));
  // reduce, not Math.max(...rows): an example with hundreds of thousands of rows would overflow
  // the argument list.
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const given = Array.isArray(data.columns) ? data.columns.map(String) : undefined;
  const fromSignature = inputs?.kind === 'columns' ? inputs.columns.map((c) => c.name) : [];
  const signatureNames =
    fromSignature.length === width && fromSignature.every((n) => n !== undefined) ? (fromSignature as string[]) : undefined;
  const columns = given ?? signatureNames ?? Array.from({ length: width }, (_, i) => String(i));
  return table(columns, rows);
}

// Columns are capped like rows: an example 100,000 columns wide would otherwise draw
// 100,000 header cells and as many per row.
function table(columns: string[], rows: unknown[][]): ExampleView {
  const maxColumns = TABLE_CAPS.maxColumns;
  const widest = rows.reduce((max, row) => Math.max(max, row.length), columns.length);
  return {
    kind: 'table',
    columns: columns.slice(0, maxColumns),
    rows: rows.slice(0, EXAMPLE_ROW_CAP).map((row) => (row.length > maxColumns ? row.slice(0, maxColumns) : row)),
    totalRows: rows.length,
    totalColumns: widest,
  };
}

function tensors(data: unknown): ExampleView {
  // MLflow ≤ 2.x wrote ndarrays in tf-serving form, wrapped in {"inputs": …}.
  const unwrapped = isRecord(data) && Object.keys(data).length === 1 && 'inputs' in data ? data.inputs : data;
  if (isRecord(unwrapped)) {
    return { kind: 'tensors', tensors: Object.entries(unwrapped).map(([name, value]) => ({ name, value })) };
  }
  return { kind: 'tensors', tensors: [{ name: undefined, value: unwrapped }] };
}

/**
 * An array with one row per line: `[[1, 2],\n [3, 4]]`; anything else as compact JSON; a note
 * instead when the value nests too deeply to be written out (see json-depth.ts).
 */
export function formatArray(value: unknown): string {
  if (Array.isArray(value) && value.length > 0 && value.every(Array.isArray)) {
    const lines = value.map((row) => formatJson(row));
    // A row that cannot be written makes the whole array so: the note, never a half-written array.
    if (lines.some((line) => line === undefined)) return jsonText(value);
    return `[${lines.join(',\n ')}]`;
  }
  return jsonText(value);
}
