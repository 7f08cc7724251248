import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type * as z from 'zod/mini';
import { parseSearchParams, serializeSearchParams } from '@/lib/search-params.ts';

type Scalar = string | number | boolean;

export interface SearchStateUpdateOptions {
  /** Replace the history entry (typing) instead of pushing one (a deliberate change). */
  replace?: boolean;
}

/**
 * Reads a view's state from the URL through its schema and writes changes back, omitting
 * defaults. The schema's parse of an empty object gives the defaults.
 */
export function useSearchState<S extends z.ZodMiniObject>(schema: S) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchParams(schema, params), [schema, params]);
  const defaults = useMemo(() => schema.parse({}) as Record<string, Scalar>, [schema]);
  const update = useCallback(
    (patch: Partial<z.output<S>>, options: SearchStateUpdateOptions = {}) => {
      setParams(
        (current) => {
          const next = { ...parseSearchParams(schema, current), ...patch } as Record<string, Scalar | undefined>;
          // Params this schema does not own (another part of the page's, a portal's) stay.
          const merged = new URLSearchParams(current);
          for (const key of Object.keys(schema.def.shape)) merged.delete(key);
          for (const [key, value] of serializeSearchParams(next, defaults)) merged.set(key, value);
          return merged;
        },
        { replace: options.replace ?? false },
      );
    },
    [schema, defaults, setParams],
  );
  return [state, update] as const;
}
