// The experiment page's loader, in the first bundle rather than the page's lazy chunk, so the
// experiment and the first page of runs download in parallel with the page's code. On a
// deep link main.tsx has already sent both (prime-route-requests.ts); these take them.
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { experimentQueryOptions } from '@/api/experiments.ts';
import { runRowsQueryOptions } from '@/features/runs/run-rows-query.ts';
import { runTableSearchSchema } from '@/features/runs/url-state.ts';
import { parseSearchParams } from '@/lib/search-params.ts';

export function createExperimentLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const { experimentId } = params;
    if (!experimentId) return null;
    void queryClient.prefetchQuery(experimentQueryOptions(experimentId));
    const search = parseSearchParams(runTableSearchSchema, new URL(request.url).searchParams);
    void queryClient.prefetchQuery(runRowsQueryOptions([experimentId], search));
    return null;
  };
}
