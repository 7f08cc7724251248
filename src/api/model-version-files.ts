// Where a registered model version's files can be listed through the tracking API. A version
// records where it was registered from (`source`), and the registry's own file route
// (model-versions/get-artifact) reads one file but lists none, so the folder is browsed where it
// came from (docs/mlflow-wire.md, Model registry).
import type { ArtifactSource } from './artifacts.ts';
import type { ModelVersion } from './registry.ts';

export interface VersionFiles {
  source: ArtifactSource;
  /** The model's folder within the source ('' for a LoggedModel's root). */
  dirPath: string;
}

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

/**
 * MLflow 3: a version from a LoggedModel (`model_id`, or source `models:/<model_id>`, or the
 * model's storage URI `…/models/<model_id>/artifacts`) is that model's files. Otherwise a run's
 * folder: `runs:/<run_id>/<path>`, or a storage URI holding `/<run_id>/artifacts/`. Undefined
 * when the source names neither (a bare storage URI, a version without a run).
 */
export function modelVersionFiles(version: Pick<ModelVersion, 'modelId' | 'source' | 'runId'>): VersionFiles | undefined {
  if (version.modelId) return { source: { kind: 'logged-model', modelId: version.modelId }, dirPath: '' };
  const source = version.source ?? '';
  const stored = /\/models\/(m-[^/]+)\/artifacts\/?$/.exec(source)?.[1];
  if (stored) return { source: { kind: 'logged-model', modelId: stored }, dirPath: '' };
  const runUri = /^runs:\/([^/]+)(?:\/(.*))?$/.exec(source);
  if (runUri?.[1]) return { source: { kind: 'run', runId: runUri[1] }, dirPath: trimSlashes(runUri[2] ?? '') };
  const runId = version.runId;
  if (!runId) return undefined;
  const marker = `/${runId}/artifacts`;
  const at = source.indexOf(marker);
  if (at === -1) return undefined;
  const rest = source.slice(at + marker.length);
  if (rest !== '' && !rest.startsWith('/')) return undefined;
  return { source: { kind: 'run', runId }, dirPath: trimSlashes(rest) };
}
