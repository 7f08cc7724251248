// The URL is the state: each view declares its search params as a zod schema whose fields
// all have `.catch()` defaults, so a hand-edited or stale link degrades instead of throwing.
import * as z from 'zod/mini';

type Scalar = string | number | boolean;

export function parseSearchParams<S extends z.ZodMiniObject>(schema: S, params: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) raw[key] = value;
  return schema.parse(raw);
}

/** Writes only values that differ from the defaults, so shared links stay short and stable. */
export function serializeSearchParams(values: Record<string, Scalar | undefined>, defaults: Record<string, Scalar>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === defaults[key] || value === '') continue;
    params.set(key, typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));
  }
  return params;
}

/** A text search param: `fallback` when absent or not a string. */
export const textParam = (fallback = '') => z.catch(z._default(z.string(), fallback), fallback);

/** One of `values`, else `fallback` (absent, mistyped or from an older version of the link). */
export const enumParam = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.catch(z._default(z.enum(values), fallback), fallback);

/** A boolean search param: "true"/"1" or "false"/"0". */
export const booleanParam = (fallback: boolean) =>
  z.catch(
    z.pipe(
      z.enum(['true', 'false', '1', '0']),
      z.transform((v) => v === 'true' || v === '1'),
    ),
    fallback,
  );

/**
 * "a,b,c" → ["a", "b", "c"], without empty items. Every list in a URL has this one format:
 * MLflow keys cannot hold commas (docs/mlflow-wire.md) and run ids are hex.
 */
export const splitList = (value: string): string[] => (value === '' ? [] : value.split(',').filter((item) => item !== ''));
export const joinList = (items: Iterable<string>): string => [...items].join(',');

/** A comma list read as its distinct items, in order (for views that only read the list). */
export const listParam = () =>
  z.catch(
    z.pipe(
      z._default(z.string(), ''),
      z.transform((value) => [...new Set(splitList(value))]),
    ),
    [],
  );
