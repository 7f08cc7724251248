// What one proxied request may do under a signed embed scope: one rule per endpoint of the
// proxy's allow-list (server/proxy-routes.ts), deny for anything else (docs/embed-scopes.md).
// Runlens' own /runlens/config.json is not an API request and never comes here: it holds no
// tracking data, and an embed page needs it to start.
import type { EmbedScope } from './embed-scope.ts';
import {
  filterExperimentsResponse,
  filterLoggedModelsResponse,
  filterRunsResponse,
  modelResponseInScope,
  runResponseInScope,
} from './scope-responses.ts';

export type ScopeDecision =
  | {
      allow: true;
      /** The JSON body to send upstream instead of the one received (POST only): exactly what was checked. */
      body?: unknown;
      /** The response must be checked (responseInScope) or filtered (filterScopedResponse) before it is sent. */
      checkResponse?: true;
      /** Send only once `runLookupPath(id)` answers with a run in scope (runResponseInScope). */
      needsRunLookup?: string;
      /** Send only once `modelLookupPath(id)` answers with a logged model in scope (modelResponseInScope). */
      needsModelLookup?: string;
    }
  | { allow: false; message: string };

export interface ScopedRequest {
  method: string;
  /** The path relative to the tracking URI, without the query, as the proxy forwards it (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body of a POST (undefined for GET). */
  body: unknown;
}

const API = '/api/2.0/mlflow';
const ARTIFACT_STORE = '/api/2.0/mlflow-artifacts/artifacts/';
const MODEL_ARTIFACTS = /^\/(?:api|ajax-api)\/2\.0\/mlflow\/logged-models\/([^/]+)\/artifacts\/(?:directories|files)$/;
const MODEL_GET = /^\/api\/2\.0\/mlflow\/logged-models\/(?!search$)[^/]+$/;
/** Every parameter MLflow reads a run id from (`run_id`, or the deprecated `run_uuid` when run_id is empty). */
const RUN_ID_PARAMS = ['run_id', 'run_uuid'] as const;
/** Body fields of the search RPCs the app sends; anything else is dropped rather than passed on unchecked. */
const RUN_SEARCH_FIELDS = ['experiment_ids', 'filter', 'run_view_type', 'max_results', 'order_by', 'page_token'];
const MODEL_SEARCH_FIELDS = ['experiment_ids', 'filter', 'datasets', 'max_results', 'order_by', 'page_token'];

export function decideRequest(scope: EmbedScope, request: ScopedRequest): ScopeDecision {
  const path = decodePath(request.path);
  if (path === null) return deny(`this embed link cannot read ${request.path}: malformed path`);
  const method = request.method.toUpperCase() === 'HEAD' ? 'GET' : request.method.toUpperCase();
  const read = method === 'GET';

  if (path === '/version' && read) return { allow: true };
  if (path === `${API}/experiments/search` && read) return { allow: true, checkResponse: true };
  if (path === `${API}/experiments/get` && read) {
    const ids = request.query.getAll('experiment_id');
    const outside = ids.find((id) => !scope.experiments.includes(id));
    if (ids.length === 0 || outside !== undefined) return deny(`this embed link cannot read experiment ${outside ?? '(none named)'}`);
    return { allow: true };
  }
  if (path === `${API}/runs/search` && method === 'POST') return decideSearch(scope, request.body, RUN_SEARCH_FIELDS, 'runs/search');
  if (path === `${API}/logged-models/search` && method === 'POST') {
    return decideSearch(scope, request.body, MODEL_SEARCH_FIELDS, 'logged-models/search');
  }
  if (path === `${API}/runs/get` && read) {
    return decideRun(scope, request.query, () => ({ allow: true, ...(scope.runs.length === 0 && { checkResponse: true }) }), 'runs/get');
  }
  if (read && [`${API}/metrics/get-history`, `${API}/artifacts/list`, `${API}/artifacts/get`, '/get-artifact'].includes(path)) {
    return decideRun(scope, request.query, (runId) => ({ allow: true, ...(scope.runs.length === 0 && { needsRunLookup: runId }) }), path);
  }
  if (path.startsWith(ARTIFACT_STORE) && read) return decideStorePath(scope, path.slice(ARTIFACT_STORE.length));
  const model = MODEL_ARTIFACTS.exec(path);
  if (model?.[1] !== undefined && read) return { allow: true, needsModelLookup: model[1] };
  return deny(`this embed link cannot call ${method} ${path}`);
}

/** The upstream path (relative to the tracking URI) that tells which experiment a run belongs to. */
export const runLookupPath = (runId: string): string => `${API}/runs/get?${new URLSearchParams({ run_id: runId }).toString()}`;
/** The upstream path of a logged model: its experiment and source run. */
export const modelLookupPath = (modelId: string): string => `${API}/logged-models/${encodeURIComponent(modelId)}`;

/**
 * For endpoints where the request cannot show the experiment (runs/get of a run id when
 * scope.runs is empty, and the lookups): true when the JSON response belongs to the scope.
 */
export function responseInScope(scope: EmbedScope, path: string, responseBody: unknown): boolean {
  if (path === `${API}/runs/get`) return runResponseInScope(scope, responseBody);
  if (MODEL_GET.test(path)) return modelResponseInScope(scope, responseBody);
  return false;
}

/**
 * What to send instead of a response the decision marked `checkResponse`: the same body, the
 * body without what the link may not read (searches), or a refusal (a run of another experiment).
 */
export function checkScopedResponse(
  scope: EmbedScope,
  path: string,
  responseBody: unknown,
): { ok: true; body: unknown } | { ok: false; message: string } {
  const decoded = decodePath(path);
  if (decoded === `${API}/experiments/search`) return { ok: true, body: filterExperimentsResponse(scope, responseBody) };
  if (decoded === `${API}/runs/search`) return { ok: true, body: filterRunsResponse(scope, responseBody) };
  if (decoded === `${API}/logged-models/search`) return { ok: true, body: filterLoggedModelsResponse(scope, responseBody) };
  if (decoded !== null && responseInScope(scope, decoded, responseBody)) return { ok: true, body: responseBody };
  return { ok: false, message: `this embed link cannot read what ${decoded ?? path} answered` };
}

/** runs/search and logged-models/search: every requested experiment must be named by the link. */
function decideSearch(scope: EmbedScope, body: unknown, fields: readonly string[], endpoint: string): ScopeDecision {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return deny(`${endpoint} needs a JSON object body`);
  const ids = (body as Record<string, unknown>).experiment_ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    return deny(`${endpoint} must name its experiments (experiment_ids) under an embed link`);
  }
  const outside = (ids as string[]).find((id) => !scope.experiments.includes(id));
  if (outside !== undefined) return deny(`this embed link cannot search experiment ${outside}`);
  const kept = Object.fromEntries(Object.entries(body).filter(([key]) => fields.includes(key)));
  return { allow: true, body: kept, ...(scope.runs.length > 0 && { checkResponse: true }) };
}

/** Endpoints of one run: every run id parameter must name the same run, and that run be in scope. */
function decideRun(scope: EmbedScope, query: URLSearchParams, allow: (runId: string) => ScopeDecision, endpoint: string): ScopeDecision {
  const ids = new Set(RUN_ID_PARAMS.flatMap((name) => query.getAll(name)).filter((id) => id !== ''));
  const [runId, ...others] = [...ids];
  if (runId === undefined) return deny(`${endpoint} must name its run under an embed link`);
  if (others.length > 0) return deny(`${endpoint} names more than one run (${[runId, ...others].join(', ')})`);
  if (scope.runs.length > 0 && !scope.runs.includes(runId)) return deny(`this embed link cannot read run ${runId}`);
  return allow(runId);
}

/**
 * The artifact store's own paths are `<experiment id>/<run id>/artifacts/<file>` (MLflow's
 * default artifact location under mlflow-artifacts:/); any other shape cannot be tied to a run
 * and is refused.
 */
function decideStorePath(scope: EmbedScope, tail: string): ScopeDecision {
  const [experimentId, runId, artifacts, ...file] = tail.split('/');
  if (experimentId === undefined || runId === undefined || artifacts !== 'artifacts' || file.length === 0) {
    return deny('this embed link reads stored artifacts only by <experiment>/<run>/artifacts/<path>');
  }
  // Run ids are unique across experiments, so a named run's folder is its own under any prefix.
  if (scope.runs.length > 0) return scope.runs.includes(runId) ? { allow: true } : deny(`this embed link cannot read run ${runId}`);
  if (!scope.experiments.includes(experimentId)) return deny(`this embed link cannot read experiment ${experimentId}`);
  // The store itself does not check that the run belongs to the experiment its path names.
  return { allow: true, needsRunLookup: runId };
}

/** Decoded once, as the tracking server routes it (an encoded slash is a slash there too). */
function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function deny(message: string): ScopeDecision {
  return { allow: false, message };
}
