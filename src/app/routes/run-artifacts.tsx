import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { artifactListQueryOptions } from '@/api/artifacts.ts';
import { runLoggedModelsQueryOptions } from '@/api/logged-models.ts';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { ArtifactsPanel } from '@/features/artifacts/artifacts-panel.tsx';
import { artifactSearchSchema } from '@/features/artifacts/url-state.ts';
import { parseSearchParams } from '@/lib/search-params.ts';

export function createLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const { experimentId, runId } = params;
    if (!experimentId || !runId) return null;
    // Started, not awaited: the tab renders at once and shows errors inside its panel.
    void queryClient.prefetchQuery(runLoggedModelsQueryOptions(experimentId, runId));
    const modelId = parseSearchParams(artifactSearchSchema, new URL(request.url).searchParams).model;
    void queryClient.prefetchQuery(artifactListQueryOptions(modelId ? { kind: 'logged-model', modelId } : { kind: 'run', runId }, ''));
    return null;
  };
}

export function Component() {
  const { experimentId = '', runId = '', '*': path = '' } = useParams();
  useDocumentTitle(path || 'Artifacts', 'Run');
  return <ArtifactsPanel key={`${experimentId}/${runId}`} experimentId={experimentId} runId={runId} path={path.replace(/\/+$/, '')} />;
}
