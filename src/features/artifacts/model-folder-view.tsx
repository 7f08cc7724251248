import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { artifactListQueryOptions, type ArtifactSource } from '@/api/artifacts.ts';
import { runLoggedModelsQueryOptions } from '@/api/logged-models.ts';
import { backendQueryOptions } from '@/api/server-info.ts';
import { Loading } from '@/components/loading.tsx';
import { ErrorState } from '@/widgets/error-state.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { artifactHref, type ArtifactLocation } from './location.ts';
import { ModelView } from './model/model-view.tsx';
import './artifacts.css';

export interface ModelFolderViewProps {
  /** The run's artifacts or the LoggedModel the model's files are in. */
  source: ArtifactSource;
  /** The model's folder within the source ('' for a LoggedModel's root). */
  dirPath: string;
  /** The run that logged the model and its experiment, when known: for the link to its files. */
  experimentId: string | undefined;
  runId: string | undefined;
  /** The URI shown and used in the snippets (e.g. a registered version's `models:/<name>/<version>`). */
  modelUri: string;
  aliasUris?: readonly string[];
}

/**
 * One model folder outside the artifact browser (a registered model version's page): its MLflow
 * model view, from the folder's listing, and a link to browse its files with the run's.
 */
export function ModelFolderView({ source, dirPath, experimentId, runId, modelUri, aliasUris }: ModelFolderViewProps) {
  const modelId = source.kind === 'logged-model' ? source.modelId : undefined;
  const backend = useQuery(backendQueryOptions());
  const listing = useQuery(artifactListQueryOptions(source, dirPath));
  // A LoggedModel's listing has no root URI: its own artifact URI, from its run's models, is the
  // root of its files (needed where bytes come through the artifact proxy, artifacts.ts).
  const modelsKnown = modelId !== undefined && experimentId !== undefined && runId !== undefined;
  const models = useQuery({ ...runLoggedModelsQueryOptions(experimentId ?? '', runId ?? ''), enabled: modelsKnown });
  const route = backend.isPending ? undefined : (backend.data?.artifactDownload ?? 'get-artifact');
  const rootUri = modelId ? models.data?.find((model) => model.modelId === modelId)?.artifactUri : listing.data?.rootUri;
  const location = useMemo<ArtifactLocation | undefined>(() => (route ? { source, route, rootUri } : undefined), [route, source, rootUri]);
  const browseHref =
    experimentId !== undefined && runId !== undefined ? artifactHref({ experimentId, runId, modelId, path: dirPath }) : undefined;

  if (listing.isError) return <ErrorState error={listing.error} onRetry={() => void listing.refetch()} compact />;
  if (listing.isPending || !location || (modelsKnown && models.isPending)) return <Loading label="Loading the model…" />;
  const files = listing.data.files;
  const hasMlModel = files.some((file) => !file.isDir && file.name === 'MLmodel');
  return (
    <>
      {hasMlModel ? (
        <PanelBoundary label="The model view failed" resetKeys={[modelUri, dirPath]}>
          <ModelView
            location={location}
            dirPath={dirPath}
            files={files}
            runId={runId ?? ''}
            modelId={modelId}
            modelUri={modelUri}
            aliasUris={aliasUris}
          />
        </PanelBoundary>
      ) : (
        <p className="artifact-notice" role="note">
          {files.length === 0 ? 'No files are there' : 'There is no MLmodel file there'}
          {source.kind === 'run' ? ` (folder “${dirPath || '/'}” of run ${source.runId})` : ` (logged model ${source.modelId})`}: the
          model&apos;s files may have been moved or deleted.
        </p>
      )}
      {browseHref ? (
        <p>
          <Link to={browseHref}>Browse the model&apos;s files</Link>
        </p>
      ) : null}
    </>
  );
}
