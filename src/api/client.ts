// The only code in the browser that speaks HTTP. It threads the caller's AbortSignal, maps
// every failure to one ApiError, validates bodies with zod and has no UI side effects.
import * as z from 'zod/mini';
import { ApiError } from './api-error.ts';
import { parseJsonLenient, quoteLongIntegers } from './lenient-json.ts';
import { EMBED_SCOPE_PARAM, EMBED_SIG_PARAM, PROXY_BASE } from '../../contract/runlens-http.ts';

/** Everything MLflow goes through Runlens's same-origin proxy (server/proxy-routes.ts). */

type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface RequestSpec {
  method?: 'GET' | 'POST';
  /** Absolute path on the Runlens origin, e.g. `/mlflow/api/2.0/mlflow/experiments/search`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** The browser HTTP cache's mode, when a request must not use the default. */
  cache?: RequestCache;
}

/**
 * The signed embed link the page was opened with (`scope` and `sig`, from `runlens sign`), sent
 * with every request to the proxy, which checks each one against it (server/embed/scoped-proxy.ts).
 */
let embedCredential: { scope: string; sig: string } | undefined;

/** Read once at start from the page's URL; view options carry both parameters to every page. */
export function setEmbedCredentialFrom(search: string): void {
  const params = new URLSearchParams(search);
  const scope = params.get('scope');
  const sig = params.get('sig');
  embedCredential = scope && sig ? { scope, sig } : undefined;
}

export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else params.append(key, String(value));
  }
  if (embedCredential && path.startsWith(`${PROXY_BASE}/`)) {
    params.append(EMBED_SCOPE_PARAM, embedCredential.scope);
    params.append(EMBED_SIG_PARAM, embedCredential.sig);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function toFetch(spec: RequestSpec): { url: string; init: RequestInit; key: string } {
  const url = buildUrl(spec.path, spec.query);
  const init: RequestInit = { method: spec.method ?? 'GET', headers: { accept: 'application/json' } };
  if (spec.signal) init.signal = spec.signal;
  if (spec.cache) init.cache = spec.cache;
  if (spec.body !== undefined) {
    // MLflow rejects non-JSON POST bodies since 2.9 (CVE-2023-43472); so does the proxy.
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(spec.body);
  }
  return { url, init, key: `${init.method} ${url} ${typeof init.body === 'string' ? init.body : ''}` };
}

/** A primed request is used by the first identical request within this time, or dropped. */
const PRIMED_TTL_MS = 10_000;
const primed = new Map<string, { response: Promise<Response | undefined>; at: number }>();

/**
 * Starts a request before the code that wants it has loaded (src/app/main.tsx, at navigation,
 * while the app's JavaScript downloads). The first identical request within PRIMED_TTL_MS takes
 * the response instead of sending its own; a primed request that failed is simply sent again.
 */
export function primeRequest(spec: Omit<RequestSpec, 'signal'>): void {
  const { url, init, key } = toFetch(spec);
  primed.set(key, { response: fetch(url, init).catch(() => undefined), at: performance.now() });
}

function takePrimed(key: string): Promise<Response | undefined> | undefined {
  const entry = primed.get(key);
  if (!entry) return undefined;
  primed.delete(key);
  return performance.now() - entry.at <= PRIMED_TTL_MS ? entry.response : undefined;
}

async function send(spec: RequestSpec): Promise<{ response: Response; url: string }> {
  const { url, init, key } = toFetch(spec);
  let response: Response;
  try {
    response = (await takePrimed(key)) ?? (await fetch(url, init));
  } catch (err) {
    if (spec.signal?.aborted) throw err;
    throw new ApiError({ kind: 'network', url, message: 'cannot reach the Runlens server (offline, or it has stopped)' });
  }
  if (!response.ok) throw await errorFromResponse(response, url);
  return { response, url };
}

/** Sends a request and validates its JSON body against `schema`. */
export interface JsonOptions {
  /** int64 fields whose values may pass 2^53 and must keep every digit (see quoteLongIntegers). */
  exactIntegerKeys?: readonly string[];
}

export async function requestJson<S extends z.ZodMiniType>(spec: RequestSpec, schema: S, options: JsonOptions = {}): Promise<z.output<S>> {
  return (await requestJsonBody(spec, schema, options)).parse();
}

/** A JSON answer read but not parsed yet: its text, and the parse and check requestJson does. */
export interface JsonBody<T> {
  text: string;
  parse: () => T;
}

/**
 * Sends a request and reads its body, leaving the parse (the costly part of a large answer) to
 * the caller: a pager can start the next page's request first (metrics.ts).
 */
export async function requestJsonBody<S extends z.ZodMiniType>(
  spec: RequestSpec,
  schema: S,
  options: JsonOptions = {},
): Promise<JsonBody<z.output<S>>> {
  const { response, url } = await send(spec);
  const text = await readText(response, url, spec.signal);
  return { text, parse: () => parseJsonBody(text, url, response.status, schema, options) };
}

function parseJsonBody<S extends z.ZodMiniType>(text: string, url: string, status: number, schema: S, options: JsonOptions): z.output<S> {
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : parseJsonLenient(quoteLongIntegers(text, options.exactIntegerKeys ?? []));
  } catch {
    throw new ApiError({
      kind: 'invalid-response',
      url,
      status,
      message: `the server sent a body that is not JSON: ${excerpt(text)}`,
    });
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ApiError({
      kind: 'invalid-response',
      url,
      status,
      message: `unexpected response shape${where}: ${issue?.message ?? 'invalid'}`,
    });
  }
  return parsed.data;
}

/** Sends a request and returns its body as text (plain-text endpoints such as /version). */
export async function requestText(spec: RequestSpec): Promise<string> {
  const { response, url } = await send(spec);
  return readText(response, url, spec.signal);
}

/**
 * Sends a request and returns the successful Response unread, for bodies the caller streams
 * (artifact previews read with a byte cap, src/api/artifacts.ts). Failures are ApiErrors as above;
 * a failed read of the body goes through bodyReadError.
 */
export async function requestResponse(spec: RequestSpec): Promise<Response> {
  return (await send(spec)).response;
}

async function readText(response: Response, url: string, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await response.text();
  } catch (err) {
    throw bodyReadError(err, url, response.status, signal);
  }
}

/**
 * What a failed read of a body becomes. The browser rejects with a bare TypeError when the
 * connection drops mid-body (fewer bytes than Content-Length, a reset, the proxy's upstream
 * gone): that is an ApiError the app can retry. A read the caller aborted stays an abort, so
 * TanStack Query treats it as a cancellation, not a failure.
 */
export function bodyReadError(err: unknown, url: string, status: number, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted || (err instanceof Error && err.name === 'AbortError')) return err;
  if (err instanceof ApiError) return err;
  return new ApiError({ kind: 'truncated', url, status, message: 'the response was cut off before it ended' });
}

async function errorFromResponse(response: Response, url: string): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const base = { url, status: response.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  const body = tryParse(text);
  if (body && typeof body === 'object' && 'message' in body) {
    const { error_code: errorCode, message } = body as { error_code?: unknown; message?: unknown };
    const code = typeof errorCode === 'string' ? errorCode : undefined;
    return new ApiError({
      ...base,
      kind: code === 'RUNLENS_UPSTREAM_UNREACHABLE' ? 'unreachable' : 'http',
      message: typeof message === 'string' && message ? message : `HTTP ${response.status}`,
      ...(code ? { errorCode: code } : {}),
    });
  }
  // MLflow's security middleware and auth proxies answer in text/plain or HTML.
  const isHtml = (response.headers.get('content-type') ?? '').includes('html');
  const detail = isHtml ? htmlTitle(text) : excerpt(text);
  return new ApiError({ ...base, kind: 'http', message: detail || `HTTP ${response.status} ${response.statusText}`.trim() });
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

function htmlTitle(html: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
  return title ? excerpt(title) : '';
}

/**
 * Retry-After is delay-seconds or an HTTP date (RFC 9110 §10.2.3). Returned as the server
 * said it, in ms from now; retry-policy.ts floors and caps it before anything waits on it.
 */
function parseRetryAfter(header: string | null): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only something date-like: Date.parse also reads "-5" or "7.5" as (odd) dates.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
