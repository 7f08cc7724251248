import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { artifactListQueryOptions, type ArtifactFile } from '@/api/artifacts.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { formatBytes } from './file-kind.ts';
import { FilePreview } from './file-preview.tsx';
import { artifactHref, baseName, parentPath, type ArtifactLocation } from './location.ts';
import { ModelView } from './model/model-view.tsx';

export interface ArtifactDetailProps {
  location: ArtifactLocation;
  experimentId: string;
  runId: string;
  modelId: string | undefined;
  path: string;
}

/** The selected path: a file's preview, a model folder's model view, or a folder's listing. */
export function ArtifactDetail({ location, experimentId, runId, modelId, path }: ArtifactDetailProps) {
  // The parent's listing says whether the path is a file or a folder, and the file's size.
  const parent = useQuery({ ...artifactListQueryOptions(location.source, parentPath(path)), enabled: path !== '' });
  if (path !== '' && parent.isPending) return <Loading label="Loading…" />;
  if (path !== '' && parent.isError) return <ErrorState error={parent.error} onRetry={() => void parent.refetch()} compact />;
  const entry = path === '' ? undefined : parent.data?.files.find((file) => file.path === path);
  if (path !== '' && !entry) {
    return (
      <p className="artifact-error" role="alert">
        No artifact “{path}” here.
      </p>
    );
  }
  if (entry && !entry.isDir) return <FilePreview key={path} location={location} path={path} size={entry.size} />;
  return <FolderDetail location={location} experimentId={experimentId} runId={runId} modelId={modelId} path={path} />;
}

function FolderDetail({ location, experimentId, runId, modelId, path }: ArtifactDetailProps) {
  const listing = useQuery(artifactListQueryOptions(location.source, path));
  if (listing.isPending) return <Loading label="Listing…" />;
  if (listing.isError) return <ErrorState error={listing.error} onRetry={() => void listing.refetch()} compact />;
  const files = listing.data.files;
  // A folder with an MLmodel is a model, except the metadata/ copy MLflow writes for Unity Catalog.
  const isModel = files.some((file) => !file.isDir && file.name === 'MLmodel') && baseName(path) !== 'metadata';
  return (
    <>
      {isModel ? (
        // The folder's listing stays usable when the model view cannot render.
        <PanelBoundary label="The model view failed" resetKeys={[modelId, path]}>
          <ModelView key={`${modelId ?? ''}:${path}`} location={location} dirPath={path} files={files} runId={runId} modelId={modelId} />
        </PanelBoundary>
      ) : null}
      <FolderListing
        files={files}
        experimentId={experimentId}
        runId={runId}
        modelId={modelId}
        title={path || (modelId ? 'Model files' : 'Run artifacts')}
      />
    </>
  );
}

interface FolderListingProps {
  files: readonly ArtifactFile[];
  experimentId: string;
  runId: string;
  modelId: string | undefined;
  title: string;
}

function FolderListing({ files, experimentId, runId, modelId, title }: FolderListingProps) {
  return (
    <section className="artifact-folder" aria-label={`Files in ${title}`}>
      <h2>{title}</h2>
      {files.length === 0 ? (
        <p className="muted">No artifacts.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.path}>
                <td>
                  <Link to={artifactHref({ experimentId, runId, modelId, path: file.path })}>
                    {file.name}
                    {file.isDir ? '/' : ''}
                  </Link>
                </td>
                <td>{file.isDir ? '—' : formatBytes(file.size)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
