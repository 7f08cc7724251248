// zod building blocks for MLflow's protobuf-JSON wire format. Every quirk is normalised here,
// once: int64 as number or string, absent empty fields, enums that may grow.
import * as z from 'zod/mini';

/** int64 fields (timestamps, steps) arrive as JSON numbers on modern servers, strings on old ones. */
export const int64 = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^-?\d+$/))]),
  z.transform((value) => Number(value)),
);

/**
 * Doubles: protobuf JSON writes NaN / ±Infinity as strings; SQL stores clamp ±Infinity to
 * ±Number.MAX_VALUE (docs/mlflow-wire.md, Non-finite doubles; Infinity clamped to float max).
 * Both become real JS non-finite numbers.
 */
export const double = z.pipe(
  z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity']), z.string()]),
  z.transform((value) => toDouble(value)),
);

/** The `double` normalisation as a plain function, for hot loops over 100,000s of points. Anything not a number is NaN. */
export function toDouble(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (n >= Number.MAX_VALUE) return Infinity;
  if (n <= -Number.MAX_VALUE) return -Infinity;
  return n;
}

/** The `int64` normalisation as a plain function; undefined when absent or malformed. */
export function toInt64(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * An int64's digits when a double cannot hold it exactly (past 2^53), else undefined. Only a
 * string keeps them: the client quotes long integers before parsing (lenient-json.ts).
 */
export function exactInt64(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) return undefined;
  return Number.isSafeInteger(Number(value)) ? undefined : value.replace(/^(-?)0+(?=\d)/, '$1');
}

/** Repeated fields are omitted when empty. */
export const list = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item), []);

/** IDs are opaque strings, always; a numeric id from an odd backend is kept as its digits. */
export const id = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value) => String(value)),
);

export const keyValue = z.object({ key: z.string(), value: z._default(z.string(), '') });
export type KeyValue = z.infer<typeof keyValue>;

export const lifecycleStage = z.catch(z.enum(['active', 'deleted']), 'active');
export type LifecycleStage = z.infer<typeof lifecycleStage>;

/** MLflow's `view_type` / `run_view_type` enum. */
export type ViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

/** Page tokens are opaque and absent (or empty) on the last page. */
export const pageToken = z.optional(z.string());

export function tagValue(tags: readonly KeyValue[], key: string): string | undefined {
  return tags.find((tag) => tag.key === key)?.value;
}
