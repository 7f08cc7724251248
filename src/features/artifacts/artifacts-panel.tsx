import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { artifactListQueryOptions, type ArtifactSource } from '@/api/artifacts.ts';
import { runLoggedModelsQueryOptions } from '@/api/logged-models.ts';
import { backendQueryOptions } from '@/api/server-info.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { useSearchState } from '@/components/use-search-state.ts';
import { ArtifactDetail } from './artifact-detail.tsx';
import { ArtifactTree } from './artifact-tree.tsx';
import { ancestorsOf, type ArtifactLocation } from './location.ts';
import { artifactSearchSchema } from './url-state.ts';
import './artifacts.css';

export interface ArtifactsPanelProps {
  experimentId: string;
  runId: string;
  /** The selected file or folder, from the URL ('' for the root). */
  path: string;
}

/**
 * The run page's artifact tab. Every failure (a store the server cannot reach, a 503 from
 * `--no-serve-artifacts`) is shown inside this panel; a render error stops at the tree, the
 * selected artifact or, inside it, the one preview or model section that failed.
 */
export function ArtifactsPanel({ experimentId, runId, path }: ArtifactsPanelProps) {
  const [search] = useSearchState(artifactSearchSchema);
  const modelId = search.model || undefined;
  const backend = useQuery(backendQueryOptions());
  const models = useQuery(runLoggedModelsQueryOptions(experimentId, runId));
  const source = useMemo<ArtifactSource>(() => (modelId ? { kind: 'logged-model', modelId } : { kind: 'run', runId }), [modelId, runId]);
  const root = useQuery(artifactListQueryOptions(source, ''));
  // A link deep into the tree needs every folder above its file listed: ask for them all at
  // once instead of one after another as each opens.
  const queryClient = useQueryClient();
  useEffect(() => {
    for (const dir of ancestorsOf(path)) void queryClient.prefetchQuery(artifactListQueryOptions(source, dir));
  }, [queryClient, source, path]);

  // Until the backend is known, so is not the download route; a failed probe means MLflow's.
  const route = backend.isPending ? undefined : (backend.data?.artifactDownload ?? 'get-artifact');
  // A LoggedModel's listing has no root URI; its own artifact URI is the root of its files.
  const rootUri = modelId
    ? (models.data?.find((model) => model.modelId === modelId)?.artifactUri ?? root.data?.rootUri)
    : root.data?.rootUri;
  const location = useMemo<ArtifactLocation | undefined>(() => (route ? { source, route, rootUri } : undefined), [route, source, rootUri]);

  return (
    <section className="artifacts" aria-label="Artifacts">
      <nav className="artifacts__tree" aria-label="Artifact files">
        <PanelBoundary label="The file tree failed" resetKeys={[runId, modelId, path]}>
          <ArtifactTree
            experimentId={experimentId}
            runId={runId}
            selectedModelId={modelId}
            selectedPath={path}
            loggedModels={models.data ?? []}
          />
        </PanelBoundary>
        {models.isError ? <ErrorState error={models.error} compact /> : null}
      </nav>
      <div className="artifacts__detail">
        {location ? (
          <PanelBoundary label="This artifact failed" resetKeys={[runId, modelId, path]}>
            <ArtifactDetail location={location} experimentId={experimentId} runId={runId} modelId={modelId} path={path} />
          </PanelBoundary>
        ) : (
          <Loading label="Loading…" />
        )}
      </div>
    </section>
  );
}
