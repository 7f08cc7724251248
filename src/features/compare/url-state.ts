import * as z from 'zod/mini';
import { booleanParam } from '@/lib/search-params.ts';

/** The compare view's own params; the run ids (`runs`) belong to the route, chart settings to the charts. */
export const compareSearchSchema = z.object({
  onlyDifferences: z._default(booleanParam(false), false),
});
