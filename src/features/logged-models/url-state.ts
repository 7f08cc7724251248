// The Models tab's URL contract, with the run table's parameter names (searchFilter, orderByKey,
// orderByAsc) so a link reads the same on either tab.
import * as z from 'zod/mini';
import { booleanParam, textParam } from '@/lib/search-params.ts';

/** Columns the server can order LoggedModels by (docs/mlflow-wire.md, Logged models); metrics are `metrics.<key>`. */
export const MODEL_ATTRIBUTE_SORT_KEYS = ['name', 'creation_timestamp', 'status'] as const;
const DEFAULT_SORT_KEY = 'creation_timestamp';

export function isModelSortKey(key: string): boolean {
  return (MODEL_ATTRIBUTE_SORT_KEYS as readonly string[]).includes(key) || (key.startsWith('metrics.') && key.length > 'metrics.'.length);
}

export const modelListSearchSchema = z.object({
  /** A model name, or MLflow's logged-model filter syntax (`metrics.acc > 0.9 AND name LIKE '%x%'`). */
  searchFilter: textParam(),
  /** name, creation_timestamp, status or metrics.<key>; anything else reads as the default. */
  orderByKey: z.catch(z._default(z.string().check(z.refine(isModelSortKey)), DEFAULT_SORT_KEY), DEFAULT_SORT_KEY),
  orderByAsc: z._default(booleanParam(false), false),
});
export type ModelListSearch = z.infer<typeof modelListSearchSchema>;
