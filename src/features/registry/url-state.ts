// The models list's URL contract: the name search, under the parameter name the experiment list
// uses for its own (searchFilter), so a shared link reads the same on both pages.
import * as z from 'zod/mini';
import { parseSearchParams, textParam } from '@/lib/search-params.ts';

export const modelListSearchSchema = z.object({
  searchFilter: textParam(),
});
export type ModelListSearch = z.infer<typeof modelListSearchSchema>;

/** The registered-models search a models-list URL asks for (the route's loader primes it). */
export function modelListSearch(params: URLSearchParams): { nameContains: string } {
  return { nameContains: parseSearchParams(modelListSearchSchema, params).searchFilter.trim() };
}
