import { useCallback, useMemo, useState } from 'react';
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
 *
 * A change shows at once: the router applies URL changes in a transition, and until it lands a
 * controlled checkbox or select would flick back to its old value. So the patch is kept as an
 * optimistic overlay on the URL it was made against, and dropped as soon as the URL moves on.
 */
export function useSearchState<S extends z.ZodMiniObject>(schema: S) {
  const [params, setParams] = useSearchParams();
  const [optimistic, setOptimistic] = useState<{ base: URLSearchParams; patch: Partial<z.output<S>> } | undefined>();
  const overlay = optimistic?.base === params ? optimistic.patch : undefined;
  const state = useMemo(() => {
    const parsed = parseSearchParams(schema, params);
    return overlay ? { ...parsed, ...overlay } : parsed;
  }, [schema, params, overlay]);
  const defaults = useMemo(() => schema.parse({}) as Record<string, Scalar>, [schema]);
  const update = useCallback(
    (patch: Partial<z.output<S>>, options: SearchStateUpdateOptions = {}) => {
      setOptimistic((previous) => ({ base: params, patch: { ...(previous?.base === params ? previous.patch : {}), ...patch } }));
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
    [schema, defaults, setParams, params],
  );
  return [state, update] as const;
}
