// Which MLflow endpoints the proxy passes, and how it vets the paths it is asked for.
// Runlens is read-only: only the reads the app needs pass (POST only for the search RPCs,
// which MLflow defines as POST). Anything else is refused, so the proxy adds no surface
// that MLflow's own auth or the operator did not expect.
import { PROXY_BASE } from '../contract/runlens-http.ts';

export const PROXY_PREFIX = `${PROXY_BASE}/`;

type Method = 'GET' | 'POST';

interface ProxyRoute {
  methods: readonly Method[];
  path: RegExp;
  /** The path tail is an artifact path and gets traversal checks. */
  artifactTail?: boolean;
  /** Answers with an artifact's bytes (untrusted content: served sandboxed, see security.ts). */
  download?: boolean;
}

const API2 = '/api/2\\.0/mlflow';
const AJAX2 = '/ajax-api/2\\.0/mlflow';
const route = (methods: readonly Method[], path: string, extra: Partial<ProxyRoute> = {}): ProxyRoute => ({
  methods,
  path: new RegExp(`^${path}$`),
  ...extra,
});

// Exactly the requests src/api makes, each with its method, so the proxy adds no surface the
// app does not use (a test in proxy-routes.test.ts lists them). Endpoints join this list with
// the feature that calls them.
const ROUTES: readonly ProxyRoute[] = [
  // The server's version string: no tracking data. (Runlens's own backend probe asks upstream
  // directly, server/backend/; this stays for clients that read it through the proxy.)
  route(['GET'], '/version'),
  route(['GET'], `${API2}/experiments/search`),
  route(['GET'], `${API2}/experiments/get`),
  route(['POST'], `${API2}/runs/search`),
  route(['GET'], `${API2}/runs/get`),
  route(['GET'], `${API2}/metrics/get-history`),
  route(['GET'], `${API2}/artifacts/list`),
  // FastTrackML serves artifacts here instead of /get-artifact.
  route(['GET'], `${API2}/artifacts/get`, { download: true }),
  route(['GET'], '/get-artifact', { download: true }),
  // MLflow's artifact proxy: a file's bytes by path (the app never lists through it).
  route(['GET'], '/api/2\\.0/mlflow-artifacts/artifacts/.+', { artifactTail: true, download: true }),
  route(['POST'], `${API2}/logged-models/search`),
  route(['GET'], `${API2}/logged-models/[A-Za-z0-9_\\-.]+/artifacts/directories`),
  route(['GET'], `${AJAX2}/logged-models/[A-Za-z0-9_\\-.]+/artifacts/files`, { download: true }),
  // The read-only model registry pages (features/registry).
  route(['GET'], `${API2}/registered-models/search`),
  route(['GET'], `${API2}/registered-models/get`),
  route(['GET'], `${API2}/registered-models/alias`),
  route(['GET'], `${API2}/model-versions/search`),
  route(['GET'], `${API2}/model-versions/get`),
  // Live refresh: only the points a running run logged since the last look (api/live-history.ts).
  route(['GET'], `${API2}/metrics/get-history-bulk-interval`),
];

/**
 * Query parameters that name artifact paths, checked on every route: an endpoint that ignores
 * them today may not tomorrow, and no request of the app sends one where it does not belong.
 */
const ARTIFACT_PATH_PARAMS = ['path', 'artifact_directory_path', 'artifact_file_path'] as const;

export type RouteDecision =
  | {
      ok: true;
      upstreamPath: string;
      artifactDownload: boolean;
      /** For artifact downloads, the file's path as the tracking server reads it (compression.ts spots archives by name). */
      artifactPath?: string;
    }
  | { ok: false; status: 400 | 404 | 405; message: string };

/**
 * Decides whether a request for `rawUrl` (as received, starting with PROXY_PREFIX) may go upstream,
 * and returns the path + query to request relative to the tracking URI.
 */
export function decideProxyRoute(method: string, rawUrl: string): RouteDecision {
  if (!rawUrl.startsWith(PROXY_PREFIX)) return refuse(400, 'not a proxy path');
  const rest = rawUrl.slice(PROXY_PREFIX.length - 1);
  const queryStart = rest.indexOf('?');
  const rawPath = queryStart === -1 ? rest : rest.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : rest.slice(queryStart + 1);

  // A request must never be able to choose the upstream: no scheme-relative "//host",
  // no backslashes (some parsers treat them as slashes), no absolute URLs smuggled in the path.
  if (rawPath.startsWith('//') || rawPath.includes('\\') || /%5c/i.test(rawPath)) {
    return refuse(400, 'malformed path');
  }
  // `path` is what the tracking server sees after its one decoding; `deepest` is what a layer
  // that decodes again would see (double-encoding bypasses).
  const path = decodeOnce(rawPath);
  const deepest = decodeUntilStable(rawPath);
  if (deepest === null || hasUnsafeChars(path) || hasDotSegment(deepest) || path.includes('//') || deepest.includes('//')) {
    return refuse(400, 'malformed path');
  }

  const match = ROUTES.find((r) => r.path.test(path));
  if (!match) return refuse(404, `Runlens does not proxy ${path}`);
  const upperMethod = method.toUpperCase();
  const effective = upperMethod === 'HEAD' ? 'GET' : upperMethod;
  if (!match.methods.includes(effective as Method)) {
    return refuse(405, `Runlens does not proxy ${upperMethod} ${path} (read-only)`);
  }

  const tail = match.artifactTail ? path.replace(/^\/api\/2\.0\/mlflow-artifacts\/artifacts\/?/, '') : undefined;
  if (tail && !isSafeArtifactPath(tail)) return refuse(400, 'unsafe artifact path');
  const params = new URLSearchParams(rawQuery);
  for (const name of ARTIFACT_PATH_PARAMS) {
    for (const value of params.getAll(name)) {
      if (value !== '' && !isSafeArtifactPath(value)) return refuse(400, `unsafe artifact path in "${name}"`);
    }
  }
  const upstreamPath = rawQuery ? `${rawPath}?${rawQuery}` : rawPath;
  if (!match.download) return { ok: true, upstreamPath, artifactDownload: false };
  const artifactPath = tail ?? params.get('path') ?? params.get('artifact_file_path') ?? undefined;
  return { ok: true, upstreamPath, artifactDownload: true, ...(artifactPath !== undefined ? { artifactPath } : {}) };
}

/**
 * Artifact paths are relative to a run's root. `raw` is the value as the tracking server reads
 * it (decoded once). Rejects the traversal shapes behind CVE-2023-1177, CVE-2023-2780,
 * CVE-2024-1483, CVE-2024-1593, CVE-2024-1560 and mlflow#7166, also after decoding repeatedly
 * (double-encoding bypasses).
 *
 * Legitimate names carry `%` and `:` — `mlflow.log_image(..., step=3)` writes
 * `images/samples%step%3%timestamp%1733140000000%<uuid>.png` — so the deeper decodings are
 * checked only for what could traverse (`..` segments, absolute paths, URIs, NUL): there
 * `%17` or `%0b` are just part of a name. A colon is refused only where it makes the path a URI
 * (`file:/…`, `s3://…`), not in a name such as `a:b.txt`.
 */
export function isSafeArtifactPath(raw: string): boolean {
  if (hasUnsafeChars(raw) || raw.includes('\\') || raw.includes(';') || escapesRoot(raw)) return false;
  const deepest = decodeUntilStable(raw);
  return deepest !== null && !deepest.includes('\0') && !escapesRoot(deepest);
}

function escapesRoot(path: string): boolean {
  return /^[/\\]/.test(path) || /^[a-z][a-z0-9+.-]*:[/\\]/i.test(path) || /^[a-z][a-z0-9+.-]*:$/i.test(path) || hasDotSegment(path);
}

function decodeOnce(value: string): string {
  return value.replace(/(?:%[0-9a-f]{2})+/gi, decodeEscapes);
}

/**
 * Percent-decodes until nothing changes (null after 5 rounds: nobody encodes a name 5 times).
 * Tolerant: a `%` that starts no escape stays as it is, and escapes that are not valid UTF-8
 * still decode their ASCII bytes, so `%2e%2e` is seen as `..` even beside a stray `%` or `%ff`.
 */
function decodeUntilStable(value: string): string | null {
  let current = value;
  for (let i = 0; i < 5; i++) {
    const next = decodeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return null;
}

function decodeEscapes(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

function hasUnsafeChars(value: string): boolean {
  // NUL and other control characters never belong in a path.
  return /\p{Cc}/u.test(value);
}

function hasDotSegment(value: string): boolean {
  return value.split(/[/\\]/).some((segment) => segment === '..' || segment === '.');
}

function refuse(status: 400 | 404 | 405, message: string): RouteDecision {
  return { ok: false, status, message };
}
