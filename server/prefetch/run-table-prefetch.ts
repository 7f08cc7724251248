// The run table's first rows without waiting for the page's code: when `runlens serve` answers a
// navigation to a run table with index.html, it sends that table's first runs/search page upstream
// itself, and the page's identical request (src/app/prime-route-requests.ts, ~60–110 ms later)
// takes the answer from a short-lived cache (prefetch-cache.ts). Both compute the request with
// contract/run-table-request.ts. The rules and the security reasoning: docs/first-rows.md.
import type http from 'node:http';
import { runTableFirstRequest } from '../../contract/run-table-request.ts';
import type { ServeOptions } from '../options.ts';
import { decideProxyRoute } from '../proxy-routes.ts';
import { clientAddress, forwardedRequestHeaders } from '../proxy.ts';
import { requestUpstream } from '../upstream.ts';
import { requestKey, type PrefetchCache } from './prefetch-cache.ts';

/** The headers of the app's JSON POSTs (src/api/client.ts `toFetch`). */
const APP_JSON_POST_HEADERS = { accept: 'application/json', 'content-type': 'application/json' };

export interface ProxyRequest {
  method: string;
  /** The proxy URL, as the page requests it. */
  url: string;
  /** What the proxy forwards of the page's headers. */
  headers: Record<string, string>;
  body: Buffer;
}

/** The first request the page at `navigationUrl` sends through the proxy, as bytes; nothing when it shows no run table. */
export function firstPageRequest(navigationUrl: string): ProxyRequest | undefined {
  const url = new URL(navigationUrl, 'http://runlens.invalid');
  const first = runTableFirstRequest(url.pathname, url.searchParams);
  if (!first) return undefined;
  return {
    method: first.method,
    url: first.path,
    headers: forwardedRequestHeaders(APP_JSON_POST_HEADERS),
    // Serialised as the page's fetch serialises it (JSON.stringify of the same object).
    body: Buffer.from(JSON.stringify(first.body)),
  };
}

/**
 * Whether this request is a page load that will run the app: a browser's top-level navigation
 * (Sec-Fetch-Mode/Dest), not a frame (an embed, or a page another site frames: the browser may
 * refuse to show it after the fact), not a speculative prefetch or prerender (Sec-Purpose), not a
 * signed embed link (its requests are scoped and checked one by one: never prefetched), not HEAD,
 * not a client without Fetch Metadata (curl, a monitor: nothing would ever take the answer).
 */
export function isPrefetchableNavigation(req: http.IncomingMessage): boolean {
  const { headers } = req;
  if (req.method !== 'GET' || headers['sec-fetch-mode'] !== 'navigate' || headers['sec-fetch-dest'] !== 'document') return false;
  if (headers['sec-purpose'] !== undefined) return false;
  const params = new URL(req.url ?? '/', 'http://runlens.invalid').searchParams;
  return !params.has('scope') && !params.has('sig');
}

/**
 * Starts the first page of the run table `req` navigates to, through the proxy's own allow-list
 * and upstream client (auth, timeouts, TLS), unless the navigation does not qualify or the cache
 * is full. Returns the entry's cache key when it started, or when an identical one not taken yet
 * is on its way (a reload before the page asked: the same data, for `cache.peek`). Never throws:
 * a prefetch that cannot start is simply not there.
 */
export function prefetchRunTable(options: ServeOptions, cache: PrefetchCache, req: http.IncomingMessage): string | undefined {
  try {
    return startPrefetch(options, cache, req);
  } catch (err) {
    // The page is served all the same; its own request goes upstream as it would without a cache.
    console.error(
      `runlens: early runs/search for ${(req.url ?? '').slice(0, 200)} not started: ${err instanceof Error ? err.message : String(err)}`,
    );
    return undefined;
  }
}

function startPrefetch(options: ServeOptions, cache: PrefetchCache, req: http.IncomingMessage): string | undefined {
  if (!isPrefetchableNavigation(req)) return undefined;
  const request = firstPageRequest(req.url ?? '/');
  if (!request) return undefined;
  const decision = decideProxyRoute(request.method, request.url);
  if (!decision.ok) return undefined;
  const key = requestKey({ client: clientAddress(req), ...request });
  const started = cache.start(key, (signal) =>
    requestUpstream(options, { method: request.method, path: decision.upstreamPath, headers: request.headers, body: request.body, signal }),
  );
  return started || cache.has(key) ? key : undefined;
}
