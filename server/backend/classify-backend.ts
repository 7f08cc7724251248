// What a tracking server is and can do, decided from its answers to a few harmless requests
// (backend-probe.ts sends them). Pure, so every backend's answers are unit-tested.
import type { ArtifactDownloadRoute, BackendInfo } from '../../contract/runlens-http.ts';

/** One probe's answer: its status, the Server header, and the start of its body. */
export interface ProbeAnswer {
  status: number;
  server: string;
  body: string;
}

export interface ProbeAnswers {
  trackingHost: string;
  /** What the settings said the server is (MLFLOW_TRACKING_URI=databricks). */
  declaredKind?: 'databricks' | undefined;
  /** GET /version */
  version: ProbeAnswer;
  /** GET /get-artifact without parameters: MLflow answers 400 (no path), others 404. */
  getArtifact: ProbeAnswer;
  /** GET api/2.0/mlflow/artifacts/get without parameters: FastTrackML answers 400, MLflow 404. */
  artifactsGet: ProbeAnswer;
  /** POST api/2.0/mlflow/logged-models/search with no experiments. */
  loggedModels: ProbeAnswer;
  /** GET api/2.0/mlflow/registered-models/search?max_results=1 */
  registry: ProbeAnswer;
}

const VERSION_PATTERN = /^[\w.+-]{1,40}$/;

/**
 * Whether an endpoint exists: any answer but "no such route" (404 or 405 without an MLflow error
 * saying the resource, not the route, is missing; 501). A 400 for missing parameters, a 401 or
 * 403 for credentials all mean the route is there.
 */
export function routeExists(answer: ProbeAnswer): boolean {
  if (answer.status === 0 || answer.status === 501 || answer.status === 405) return false;
  if (answer.status !== 404) return answer.status < 500;
  // MLflow says RESOURCE_DOES_NOT_EXIST for a missing object behind a route that exists.
  return /RESOURCE_DOES_NOT_EXIST/.test(answer.body);
}

function identify(answers: ProbeAnswers): Pick<BackendInfo, 'kind' | 'name' | 'version'> {
  const fromHeader = /^FastTrackML(?:\/([\w.+-]+))?/i.exec(answers.version.server);
  const body = answers.version.body.trim();
  const versionBody = answers.version.status === 200 && VERSION_PATTERN.test(body) ? body : null;
  if (fromHeader) return { kind: 'fasttrackml', name: 'FastTrackML', version: fromHeader[1] ?? versionBody };
  if (versionBody) return { kind: 'mlflow', name: 'MLflow', version: versionBody };
  // Databricks workspaces serve MLflow's REST API without /version.
  const databricksHost = /(^|\.)(cloud\.databricks\.com|azuredatabricks\.net|gcp\.databricks\.com)$/i.test(answers.trackingHost);
  if (answers.declaredKind === 'databricks' || databricksHost) {
    return { kind: 'databricks', name: 'Databricks', version: null };
  }
  return { kind: 'mlflow-compatible', name: 'MLflow-compatible server', version: null };
}

function downloadRoute(answers: ProbeAnswers): ArtifactDownloadRoute {
  if (routeExists(answers.getArtifact)) return 'get-artifact';
  if (routeExists(answers.artifactsGet)) return 'artifacts-get';
  return 'mlflow-artifacts';
}

export function classifyBackend(answers: ProbeAnswers): BackendInfo {
  return {
    ...identify(answers),
    artifactDownload: downloadRoute(answers),
    loggedModels: routeExists(answers.loggedModels),
    registry: routeExists(answers.registry),
  };
}
