// Every in-app link is built here, never concatenated at the call site. IDs are opaque strings
// and always encoded as one path segment.
import { runTableExperimentId } from '../../contract/run-table-request.ts';

const segment = encodeURIComponent;

/** An artifact path as URL path segments: each part encoded, the slashes kept. */
const artifactSegments = (artifactPath: string) =>
  artifactPath
    .split('/')
    .filter((part) => part !== '')
    .map(segment)
    .join('/');

export const paths = {
  home: {
    path: '/',
    getHref: (search?: URLSearchParams) => (search && search.size > 0 ? `/?${search.toString()}` : '/'),
  },
  experiment: {
    path: '/experiments/:experimentId',
    getHref: (experimentId: string) => `/experiments/${segment(experimentId)}`,
    /** The experiment id of a run-table URL, without the router (src/app/main.tsx runs before it loads). */
    match: runTableExperimentId,
  },
  /** The experiment's Models tab: its MLflow 3 LoggedModels (features/logged-models/url-state.ts). */
  experimentModels: {
    path: '/experiments/:experimentId/models',
    getHref: (experimentId: string) => `/experiments/${segment(experimentId)}/models`,
  },
  /** The run page (overview tab); the metrics and artifacts tabs are child paths. */
  run: {
    path: '/experiments/:experimentId/runs/:runId',
    getHref: (experimentId: string, runId: string) => `/experiments/${segment(experimentId)}/runs/${segment(runId)}`,
    /** The ids of a run page's pathname (any of its tabs), without the router (an embed's link clicks). */
    match: (pathname: string): { experimentId: string; runId: string } | undefined => {
      const found = /^\/experiments\/([^/]+)\/runs\/([^/?#]+)/.exec(pathname);
      if (!found) return undefined;
      try {
        return { experimentId: decodeURIComponent(found[1] ?? ''), runId: decodeURIComponent(found[2] ?? '') };
      } catch {
        return undefined;
      }
    },
  },
  runMetrics: {
    path: '/experiments/:experimentId/runs/:runId/metrics',
    getHref: (experimentId: string, runId: string) => `${paths.run.getHref(experimentId, runId)}/metrics`,
  },
  /** A parent's children as one sweep (grid search, Optuna study): what varied, and which child won. */
  runSweep: {
    path: '/experiments/:experimentId/runs/:runId/sweep',
    getHref: (experimentId: string, runId: string) => `${paths.run.getHref(experimentId, runId)}/sweep`,
  },
  /**
   * The artifact browser; the selected file or folder is the rest of the path (MLflow UI's
   * shape). `modelId` browses one of the run's LoggedModels instead (`?model=`, read by
   * features/artifacts/url-state.ts).
   */
  runArtifacts: {
    path: '/experiments/:experimentId/runs/:runId/artifacts/*',
    getHref: (experimentId: string, runId: string, artifactPath = '', modelId?: string) => {
      const rest = artifactSegments(artifactPath);
      const base = `${paths.run.getHref(experimentId, runId)}/artifacts${rest ? `/${rest}` : ''}`;
      return modelId ? `${base}?${new URLSearchParams({ model: modelId }).toString()}` : base;
    },
  },
  /** Selected runs side by side: params, metrics and charts. */
  compare: {
    path: '/compare',
    getHref: (runIds: readonly string[], extra: Record<string, string> = {}) =>
      `/compare?${new URLSearchParams({ runs: runIds.join(','), ...extra }).toString()}`,
  },
  /** The run table of several experiments at once. */
  runsOfExperiments: {
    path: '/runs',
    getHref: (experimentIds: readonly string[]) => `/runs?${new URLSearchParams({ experiments: experimentIds.join(',') }).toString()}`,
  },
  /** The model registry: registered models, searched by name (`searchFilter`, features/registry/url-state.ts). */
  models: {
    path: '/models',
    getHref: (search?: URLSearchParams) => (search && search.size > 0 ? `/models?${search.toString()}` : '/models'),
  },
  /** One registered model: its description, tags, aliases and versions. The name is one segment. */
  registeredModel: {
    path: '/models/:modelName',
    getHref: (modelName: string) => `/models/${segment(modelName)}`,
  },
  /** One version of a registered model, with its MLmodel. */
  modelVersion: {
    path: '/models/:modelName/versions/:version',
    getHref: (modelName: string, version: string) => `${paths.registeredModel.getHref(modelName)}/versions/${segment(version)}`,
  },
  /** Whatever version an alias points at when the link is followed (`models:/<name>@<alias>`). */
  modelAlias: {
    path: '/models/:modelName/aliases/:alias',
    getHref: (modelName: string, alias: string) => `${paths.registeredModel.getHref(modelName)}/aliases/${segment(alias)}`,
  },
} as const;
