// Where the files shown come from (a run, or one of its LoggedModels) and how to reach them.
import { artifactDownloadUrl, type ArtifactSource, type DownloadRoute } from '@/api/artifacts.ts';
import { paths } from '@/config/paths.ts';

export interface ArtifactLocation {
  source: ArtifactSource;
  route: DownloadRoute;
  rootUri: string | undefined;
}

export function fileUrl(location: ArtifactLocation, path: string): string {
  return artifactDownloadUrl(location.source, path, location.route, location.rootUri);
}

export interface ArtifactLinkTarget {
  experimentId: string;
  runId: string;
  /** Set when the path is inside a LoggedModel rather than the run's own artifacts. */
  modelId: string | undefined;
  path: string;
}

/** The artifact tab's URL for a path of the run or of one of its LoggedModels. */
export function artifactHref({ experimentId, runId, modelId, path }: ArtifactLinkTarget): string {
  return paths.runArtifacts.getHref(experimentId, runId, path, modelId);
}

export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** "a/b/c" → ["a", "a/b"]: the folders that must be open to show the path. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
