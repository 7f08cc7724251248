// Which MLflow endpoints the proxy passes, and how it vets the paths it is asked for.
// Runlens is read-only: only the reads the app needs pass (POST only for the search RPCs,
// which MLflow defines as POST). Anything else is refused, so the proxy adds no surface
// that MLflow's own auth or the operator did not expect.

export const PROXY_PREFIX = '/mlflow/';

type Method = 'GET' | 'POST';

interface ProxyRoute {
  methods: readonly Method[];
  path: RegExp;
  /** Query parameters that name artifact paths and get traversal checks. */
  artifactParams?: readonly string[];
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

const ROUTES: readonly ProxyRoute[] = [
  route(['GET'], '/health'),
  route(['GET'], '/version'),
  route(['GET'], '/api/3\\.0/mlflow/server-info'),
  route(['GET', 'POST'], `${API2}/experiments/search`),
  route(['GET'], `${API2}/experiments/(get|get-by-name)`),
  route(['POST'], `${API2}/runs/search`),
  route(['GET'], `${API2}/runs/get`),
  route(['GET'], `${API2}/metrics/(get-history|get-history-bulk-interval)`),
  route(['GET'], `${AJAX2}/metrics/get-history-bulk`),
  route(['GET'], `${API2}/artifacts/list`, { artifactParams: ['path'] }),
  // FastTrackML serves artifacts here instead of /get-artifact.
  route(['GET'], `${API2}/artifacts/get`, { artifactParams: ['path'], download: true }),
  route(['GET'], '/get-artifact', { artifactParams: ['path'], download: true }),
  // Without a tail it lists the proxied root (JSON); with one it is a file's bytes.
  route(['GET'], '/api/2\\.0/mlflow-artifacts/artifacts(/.*)?', { artifactTail: true, artifactParams: ['path'], download: true }),
  route(['POST'], `${API2}/logged-models/search`),
  route(['GET'], `${API2}/logged-models/[A-Za-z0-9_\\-.]+`),
  route(['GET'], `${API2}/logged-models/[A-Za-z0-9_\\-.]+/artifacts/directories`, {
    artifactParams: ['artifact_directory_path'],
  }),
  route(['GET'], `${AJAX2}/logged-models/[A-Za-z0-9_\\-.]+/artifacts/files`, {
    artifactParams: ['artifact_file_path'],
    download: true,
  }),
  route(['GET'], `${API2}/registered-models/search`),
  route(['GET'], `${API2}/model-versions/search`),
];

export type RouteDecision =
  | { ok: true; upstreamPath: string; artifactDownload: boolean }
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
  const path = decodeUntilStable(rawPath);
  if (path === null || hasUnsafeChars(path) || hasDotSegment(path) || path.includes('//')) {
    return refuse(400, 'malformed path');
  }

  const match = ROUTES.find((r) => r.path.test(path));
  if (!match) return refuse(404, `Runlens does not proxy ${path}`);
  const upperMethod = method.toUpperCase();
  const effective = upperMethod === 'HEAD' ? 'GET' : upperMethod;
  if (!match.methods.includes(effective as Method)) {
    return refuse(405, `Runlens does not proxy ${upperMethod} ${path} (read-only)`);
  }

  if (match.artifactTail) {
    const tail = path.replace(/^\/api\/2\.0\/mlflow-artifacts\/artifacts\/?/, '');
    if (tail && !isSafeArtifactPath(tail)) return refuse(400, 'unsafe artifact path');
  }
  const params = new URLSearchParams(rawQuery);
  for (const name of match.artifactParams ?? []) {
    for (const value of params.getAll(name)) {
      if (value !== '' && !isSafeArtifactPath(value)) return refuse(400, `unsafe artifact path in "${name}"`);
    }
  }
  return { ok: true, upstreamPath: rawQuery ? `${rawPath}?${rawQuery}` : rawPath, artifactDownload: match.download === true };
}

/**
 * Artifact paths are relative to a run's root. Rejects the traversal shapes behind
 * CVE-2023-1177, CVE-2023-2780, CVE-2024-1483, CVE-2024-1593, CVE-2024-1560 and mlflow#7166,
 * after decoding repeatedly (double-encoding bypasses).
 */
export function isSafeArtifactPath(raw: string): boolean {
  const value = decodeUntilStable(raw);
  if (value === null) return false;
  if (hasUnsafeChars(value) || value.includes('\\') || value.includes(';')) return false;
  if (value.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(value)) return false;
  return !hasDotSegment(value);
}

function decodeUntilStable(value: string): string | null {
  let current = value;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
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
