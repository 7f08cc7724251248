import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { experimentSearchQueryOptions } from '@/api/experiments.ts';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { ExperimentListPage } from '@/features/experiments/experiment-list-page.tsx';
import { experimentListSearch } from '@/features/experiments/url-state.ts';

export function createLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    // Started, not awaited: the page renders at once and shows errors itself.
    void queryClient.prefetchInfiniteQuery(experimentSearchQueryOptions(experimentListSearch(new URL(request.url).searchParams)));
    return null;
  };
}

export function Component() {
  useDocumentTitle('Experiments');
  return <ExperimentListPage />;
}
