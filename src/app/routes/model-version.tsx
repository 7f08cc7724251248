import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { modelVersionQueryOptions } from '@/api/registry.ts';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { ModelFolderView } from '@/features/artifacts/model-folder-view.tsx';
import { ModelVersionPage } from '@/features/registry/version-page.tsx';
import { registryMayExist } from './registry-loader.ts';

export function createLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const { modelName, version } = params;
    if (modelName && version && registryMayExist(queryClient)) void queryClient.prefetchQuery(modelVersionQueryOptions(modelName, version));
    return null;
  };
}

export function Component() {
  const { modelName = '', version = '' } = useParams();
  useDocumentTitle(`Version ${version}`, modelName, 'Models');
  return (
    <ModelVersionPage
      key={`${modelName}/${version}`}
      modelName={modelName}
      version={version}
      // The registry page knows the version; the artifacts feature knows how to show a model folder.
      renderModelFiles={(files) => <ModelFolderView {...files} />}
    />
  );
}
