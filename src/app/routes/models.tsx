import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { registeredModelSearchQueryOptions } from '@/api/registry.ts';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { ModelListPage } from '@/features/registry/model-list-page.tsx';
import { modelListSearch } from '@/features/registry/url-state.ts';
import { registryMayExist } from './registry-loader.ts';

export function createLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    // Started, not awaited: the page renders at once and shows errors itself.
    if (registryMayExist(queryClient)) {
      void queryClient.prefetchInfiniteQuery(registeredModelSearchQueryOptions(modelListSearch(new URL(request.url).searchParams)));
    }
    return null;
  };
}

export function Component() {
  useDocumentTitle('Models');
  return <ModelListPage />;
}
