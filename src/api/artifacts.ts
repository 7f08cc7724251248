// Artifacts of a run or of an MLflow 3 LoggedModel: listing one folder at a time, download
// URLs through the Runlens proxy, and byte reads with size gates for previews.
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { bodyReadError, buildUrl, requestJson, requestResponse } from './client.ts';
import { shouldRetryQuietly } from './retry-policy.ts';
import { int64, list, pageToken } from './wire.ts';
import { PROXY_BASE, type ArtifactDownloadRoute } from '../../contract/runlens-http.ts';

const API = `${PROXY_BASE}/api/2.0/mlflow`;
const AJAX = `${PROXY_BASE}/ajax-api/2.0/mlflow`;

/** Where artifacts live: a run's artifact root, or a LoggedModel's (MLflow 3, outside the run). */
export type ArtifactSource = { kind: 'run'; runId: string } | { kind: 'logged-model'; modelId: string };

export interface ArtifactFile {
  /** Relative to the source's root, e.g. `svc/MLmodel`. */
  path: string;
  name: string;
  isDir: boolean;
  /** Bytes; absent for folders and on some backends. */
  size: number | undefined;
}

export interface ArtifactListing {
  rootUri: string | undefined;
  files: ArtifactFile[];
}

const listResponse = z.object({
  root_uri: z.optional(z.string()),
  files: list(
    z.object({
      path: z.string(),
      is_dir: z._default(z.boolean(), false),
      // int64: a number from MLflow, a string from the mlflow-artifacts proxy and others.
      file_size: z.optional(int64),
    }),
  ),
  next_page_token: pageToken,
});

/** Databricks pages listings; OSS does not. Bounded so a token that never ends cannot loop. */
const MAX_LIST_PAGES = 50;

export async function listArtifacts(source: ArtifactSource, dirPath: string, signal?: AbortSignal): Promise<ArtifactListing> {
  const files: ArtifactFile[] = [];
  let rootUri: string | undefined;
  let token: string | undefined;
  const seen = new Set<string>();
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const body = await requestJson(
      source.kind === 'run'
        ? { path: `${API}/artifacts/list`, query: { run_id: source.runId, path: dirPath || undefined, page_token: token }, signal }
        : {
            path: `${API}/logged-models/${encodeURIComponent(source.modelId)}/artifacts/directories`,
            query: { artifact_directory_path: dirPath || undefined, page_token: token },
            signal,
          },
      listResponse,
    );
    rootUri ??= body.root_uri;
    for (const file of body.files) {
      const entry = normaliseEntry(dirPath, file.path, file.is_dir, file.file_size);
      if (entry) files.push(entry);
    }
    token = body.next_page_token;
    if (!token || seen.has(token) || body.files.length === 0) break;
    seen.add(token);
  }
  files.sort((a, b) => Number(b.isDir) - Number(a.isDir) || a.name.localeCompare(b.name));
  return { rootUri, files };
}

/**
 * Paths are root-relative on MLflow; some proxies answer with basenames, and listing a file
 * echoes the file itself, which is dropped (docs/mlflow-wire.md, Artifact listing).
 */
function normaliseEntry(dirPath: string, rawPath: string, isDir: boolean, size: number | undefined): ArtifactFile | null {
  const dir = dirPath.replace(/\/+$/, '');
  const trimmed = rawPath.replace(/^\/+|\/+$/g, '');
  if (trimmed === '' || trimmed === dir) return null;
  const path = dir === '' || trimmed.startsWith(`${dir}/`) ? trimmed : `${dir}/${trimmed.split('/').pop()}`;
  return { path, name: path.split('/').pop() ?? path, isDir, size: isDir ? undefined : size };
}

/** Which download route the server offers: probed by `runlens serve` (BackendInfo.artifactDownload). */
export type DownloadRoute = ArtifactDownloadRoute;

export function artifactDownloadUrl(source: ArtifactSource, path: string, route: DownloadRoute, rootUri?: string): string {
  // Behind a gateway that passes only /api/2.0/* (no /ajax-api, no /get-artifact), bytes come
  // through MLflow's artifact proxy, for a run's files and a LoggedModel's alike.
  const proxied = rootUri ? /^mlflow-artifacts:\/*(.*)$/.exec(rootUri)?.[1] : undefined;
  if (route === 'mlflow-artifacts' && proxied !== undefined) {
    const segments = [...proxied.split('/'), ...path.split('/')].filter(Boolean).map(encodeURIComponent);
    return buildUrl(`${PROXY_BASE}/api/2.0/mlflow-artifacts/artifacts/${segments.join('/')}`);
  }
  if (source.kind === 'logged-model') {
    return buildUrl(`${AJAX}/logged-models/${encodeURIComponent(source.modelId)}/artifacts/files`, { artifact_file_path: path });
  }
  if (route === 'artifacts-get') return buildUrl(`${API}/artifacts/get`, { run_id: source.runId, path });
  return buildUrl(`${PROXY_BASE}/get-artifact`, { path, run_uuid: source.runId });
}

/** Size gates (MLflow UI: 50 MiB for any preview; PR #23037's proposal: 10 MB for text). */
export const MAX_TEXT_PREVIEW_BYTES = 10 * 1024 * 1024;
export const MAX_PREVIEW_BYTES = 50 * 1024 * 1024;

export class TooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`larger than ${Math.round(limit / 1024 / 1024)} MB`);
    this.name = 'TooLargeError';
    this.limit = limit;
  }
}

/**
 * Reads an artifact's bytes, refusing anything over `maxBytes`: by the listed size before any
 * request, by Content-Length when the listing had none, and by counting while streaming when
 * neither is known (the read is aborted at the cap).
 */
export async function fetchArtifactBytes(
  url: string,
  knownSize: number | undefined,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (knownSize !== undefined && knownSize > maxBytes) throw new TooLargeError(maxBytes);
  // Not through the browser's HTTP cache: after a download cut off mid-way, Chromium keeps the
  // partial entry (artifacts carry ETag/Last-Modified) and the retry fails outright trying to
  // complete it, so a passing hiccup became a lasting "Cannot reach Runlens". The bytes are
  // kept in the query cache instead.
  const response = await requestResponse({ path: url, signal, cache: 'no-store' });
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new TooLargeError(maxBytes);
  }
  // A connection that drops mid-body rejects the read with a bare TypeError (client.ts).
  const orCutOff = async <T>(read: Promise<T>): Promise<T> => {
    try {
      return await read;
    } catch (err) {
      throw bodyReadError(err, url, response.status, signal);
    }
  };
  if (!response.body) return new Uint8Array(await orCutOff(response.arrayBuffer()));
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await orCutOff(reader.read());
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new TooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export const artifactKeys = {
  all: ['artifacts'] as const,
  list: (source: ArtifactSource, dirPath: string) => ['artifacts', 'list', { source, dirPath }] as const,
  content: (url: string, knownSize: number | undefined, maxBytes: number) =>
    ['artifacts', 'content', { url, knownSize, maxBytes }] as const,
};

export function artifactListQueryOptions(source: ArtifactSource, dirPath: string) {
  return queryOptions({
    queryKey: artifactKeys.list(source, dirPath),
    queryFn: ({ signal }) => listArtifacts(source, dirPath, signal),
    // Artifacts of a finished run rarely change; a minute avoids re-listing on every click.
    staleTime: 60_000,
    // A store the server cannot reach (missing credentials, --no-serve-artifacts) fails the same
    // way every time: one quiet retry for hiccups instead of the usual two, then the panel shows
    // the error (and polls it, as every recoverable failure is).
    retry: (count, error) => count < 1 && shouldRetryQuietly(count, error),
  });
}

export function artifactBytesQueryOptions(url: string, knownSize: number | undefined, maxBytes: number) {
  return queryOptions({
    queryKey: artifactKeys.content(url, knownSize, maxBytes),
    queryFn: ({ signal }) => fetchArtifactBytes(url, knownSize, maxBytes, signal),
    // Re-downloading a file on every click was an MLflow UI complaint (#4865); bodies are
    // kept while the page is open, and dropped soon after they are no longer shown.
    staleTime: Infinity,
    gcTime: 60_000,
  });
}
