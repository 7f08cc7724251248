import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { modelVersionsQueryOptions, registeredModelQueryOptions } from '@/api/registry.ts';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { ModelPage } from '@/features/registry/model-page.tsx';
import { registryMayExist } from './registry-loader.ts';

export function createLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const { modelName } = params;
    // Both at once: the versions do not wait for the model's details.
    if (modelName && registryMayExist(queryClient)) {
      void queryClient.prefetchQuery(registeredModelQueryOptions(modelName));
      void queryClient.prefetchQuery(modelVersionsQueryOptions(modelName));
    }
    return null;
  };
}

export function Component() {
  const { modelName = '' } = useParams();
  useDocumentTitle(modelName, 'Models');
  return <ModelPage key={modelName} modelName={modelName} />;
}
