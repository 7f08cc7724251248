// The run table's URL contract, with the MLflow UI's parameter names (searchFilter,
// orderByKey, orderByAsc, lifecycleFilter) so links read the same.
import * as z from 'zod/mini';
import { booleanParam } from '@/lib/search-params.ts';

export const runTableSearchSchema = z.object({
  searchFilter: z.catch(z._default(z.string(), ''), ''),
  /** A column id: attributes.start_time, metrics.<key>, params.<key>, tags.<key>. */
  orderByKey: z.catch(z._default(z.string(), 'attributes.start_time'), 'attributes.start_time'),
  orderByAsc: z._default(booleanParam(false), false),
  lifecycleFilter: z.catch(z._default(z.enum(['active', 'deleted', 'all']), 'active'), 'active'),
  /** Expand every parent (per-row expansion is kept while the page is open). */
  expandAll: z._default(booleanParam(false), false),
});
export type RunTableSearch = z.infer<typeof runTableSearchSchema>;
