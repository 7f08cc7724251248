import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { experimentSearchQueryOptions } from '@/api/experiments.ts';
import { useDocumentTitle } from '@/components/use-document-title.ts';
import { ExperimentListPage } from '@/features/experiments/experiment-list-page.tsx';
import { experimentListSearchSchema } from '@/features/experiments/url-state.ts';
import { parseSearchParams } from '@/lib/search-params.ts';

export function createLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const search = parseSearchParams(experimentListSearchSchema, new URL(request.url).searchParams);
    // Started, not awaited: the page renders at once and shows errors itself.
    void queryClient.prefetchInfiniteQuery(
      experimentSearchQueryOptions({ viewType: search.lifecycleFilter === 'all' ? 'ALL' : 'ACTIVE_ONLY', nameContains: '' }),
    );
    return null;
  };
}

export function Component() {
  useDocumentTitle('Experiments');
  return <ExperimentListPage />;
}
