// Model signatures (mlflow/types/schema.py): inputs and outputs are either column-based
// (ColSpec: name, type, required; array/object/map types nest) or tensor-based (TensorSpec:
// dtype and shape, -1 meaning any size), and params are a ParamSchema. In MLmodel files each is
// a JSON string inside the YAML; older writers used `optional` instead of `required`, or neither.
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

/** Accepts the JSON string MLflow writes, or an already-parsed list (some writers and the API). */
function toList(raw: unknown): Parsed<unknown[]> {
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (err) {
      return { ok: false, error: `not valid JSON: ${err instanceof Error ? err.message : String(err)}`, raw: text };
    }
  }
  if (!Array.isArray(value)) return { ok: false, error: 'expected a list of column or tensor specs', raw: text };
  return { ok: true, value };
}

export function parseSchema(raw: unknown): Parsed<Schema> {
  const list = toList(raw);
  if (!list.ok) return list;
  const items = list.value;
  const isTensor = (item: unknown) => isRecord(item) && item.type === 'tensor';
  if (items.length > 0 && items.every(isTensor)) {
    return { ok: true, value: { kind: 'tensors', tensors: items.map((item) => toTensor(item as Record<string, unknown>)) } };
  }
  if (items.some(isTensor)) return { ok: false, error: 'mixes column and tensor specs', raw: JSON.stringify(items) };
  if (!items.every(isRecord)) return { ok: false, error: 'a column spec is not an object', raw: JSON.stringify(items) };
  return { ok: true, value: { kind: 'columns', columns: items.map((item) => toColumn(item as Record<string, unknown>, undefined)) } };
}

export function parseParams(raw: unknown): Parsed<ParamSpec[]> {
  const list = toList(raw);
  if (!list.ok) return list;
  if (!list.value.every(isRecord)) return { ok: false, error: 'a param spec is not an object', raw: JSON.stringify(list.value) };
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

function toColumn(item: Record<string, unknown>, name: string | undefined): ColumnSpec {
  // required: true unless `required: false`, or the 2.7–2.9 form `optional: true`.
  const required = item.required === false ? false : item.optional === true ? false : true;
  const { type, children } = describeType(item);
  return { name: text(item.name) ?? name, type, required, children };
}

function describeType(item: Record<string, unknown>): { type: string; children: ColumnSpec[] } {
  const type = text(item.type) ?? 'unknown';
  if (type === 'array' && isRecord(item.items)) {
    const inner = describeType(item.items);
    return { type: `array<${inner.type}>`, children: inner.children };
  }
  if (type === 'map' && isRecord(item.values)) {
    const inner = describeType(item.values);
    return { type: `map<${inner.type}>`, children: inner.children };
  }
  if (type === 'object' && isRecord(item.properties)) {
    const children = Object.entries(item.properties)
      .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
      .map(([key, value]) => toColumn(value, key));
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
