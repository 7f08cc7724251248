// Model signatures (mlflow/types/schema.py): inputs and outputs are either column-based
// (ColSpec: name, type, required; array/object/map types nest) or tensor-based (TensorSpec:
// dtype and shape, -1 meaning any size), and params are a ParamSchema. In MLmodel files each is
// a JSON string inside the YAML; older writers used `optional` instead of `required`, or neither.
import { formatJson } from '@/lib/json-depth.ts';
import { isRecord } from './parse-yaml.ts';

export interface ColumnSpec {
  name: string | undefined;
  /** Readable type: `double`, `array<string>`, `map<double>`, `object`, `any`. */
  type: string;
  required: boolean;
  /** Fields of an object type, or the element of an array of objects. */
  children: ColumnSpec[];
}

export interface TensorSpec {
  name: string | undefined;
  dtype: string;
  /** Each dimension; null for -1 ("any"). */
  shape: (number | null)[];
}

export type Schema = { kind: 'columns'; columns: ColumnSpec[] } | { kind: 'tensors'; tensors: TensorSpec[] };

export interface ParamSpec {
  name: string;
  type: string;
  default: unknown;
  shape: (number | null)[] | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; raw: string };

/**
 * Accepts the JSON string MLflow writes, or an already-parsed list (some writers and the API).
 * `text` is kept for error reports: re-serialising a hostile, deeply nested list would throw.
 */
function toList(raw: unknown): { ok: true; value: unknown[]; text: string } | { ok: false; error: string; raw: string } {
  const text = typeof raw === 'string' ? raw : (formatJson(raw) ?? String(raw));
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (err) {
      return { ok: false, error: `not valid JSON: ${err instanceof Error ? err.message : String(err)}`, raw: text };
    }
  }
  if (!Array.isArray(value)) return { ok: false, error: 'expected a list of column or tensor specs', raw: text };
  return { ok: true, value, text };
}

export function parseSchema(raw: unknown): Parsed<Schema> {
  const list = toList(raw);
  if (!list.ok) return list;
  const { value: items, text: source } = list;
  const isTensor = (item: unknown) => isRecord(item) && item.type === 'tensor';
  if (items.length > 0 && items.every(isTensor)) {
    return { ok: true, value: { kind: 'tensors', tensors: items.map((item) => toTensor(item as Record<string, unknown>)) } };
  }
  if (items.some(isTensor)) return { ok: false, error: 'mixes column and tensor specs', raw: source };
  if (!items.every(isRecord)) return { ok: false, error: 'a column spec is not an object', raw: source };
  return { ok: true, value: { kind: 'columns', columns: items.map((item) => toColumn(item as Record<string, unknown>, undefined, 0)) } };
}

export function parseParams(raw: unknown): Parsed<ParamSpec[]> {
  const list = toList(raw);
  if (!list.ok) return list;
  if (!list.value.every(isRecord)) return { ok: false, error: 'a param spec is not an object', raw: list.text };
  return {
    ok: true,
    value: (list.value as Record<string, unknown>[]).map((item) => ({
      name: text(item.name) ?? '',
      // `dtype` is the legacy key.
      type: text(item.type) ?? text(item.dtype) ?? 'unknown',
      default: item.default,
      shape: Array.isArray(item.shape) ? item.shape.map(dimension) : null,
    })),
  };
}

function toTensor(item: Record<string, unknown>): TensorSpec {
  const spec = isRecord(item['tensor-spec']) ? item['tensor-spec'] : {};
  return {
    name: text(item.name),
    dtype: text(spec.dtype) ?? 'unknown',
    shape: Array.isArray(spec.shape) ? spec.shape.map(dimension) : [],
  };
}

function dimension(value: unknown): number | null {
  return typeof value === 'number' && value >= 0 ? value : null;
}

function toColumn(item: Record<string, unknown>, name: string | undefined, depth: number): ColumnSpec {
  // required: true unless `required: false`, or the 2.7–2.9 form `optional: true`.
  const required = item.required === false ? false : item.optional === true ? false : true;
  const { type, children } = describeType(item, depth);
  return { name: text(item.name) ?? name, type, required, children };
}

/**
 * Types nested deeper than this are cut short: the walk recurses, and a hostile signature (a
 * JSON string inside the YAML, so not bounded by the YAML depth check) can nest thousands deep.
 */
export const MAX_TYPE_DEPTH = 32;

function describeType(item: Record<string, unknown>, depth: number): { type: string; children: ColumnSpec[] } {
  const type = text(item.type) ?? 'unknown';
  if (depth >= MAX_TYPE_DEPTH) return { type: `${type}<…nested too deeply>`, children: [] };
  if (type === 'array' && isRecord(item.items)) {
    const inner = describeType(item.items, depth + 1);
    return { type: `array<${inner.type}>`, children: inner.children };
  }
  if (type === 'map' && isRecord(item.values)) {
    const inner = describeType(item.values, depth + 1);
    return { type: `map<${inner.type}>`, children: inner.children };
  }
  if (type === 'object' && isRecord(item.properties)) {
    const children = Object.entries(item.properties)
      .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
      .map(([key, value]) => toColumn(value, key, depth + 1));
    return { type: 'object', children };
  }
  return { type, children: [] };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** "[-1, 28, 28]" → "(any, 28, 28)". */
export function formatShape(shape: readonly (number | null)[]): string {
  return `(${shape.map((d) => (d === null ? 'any' : String(d))).join(', ')})`;
}
