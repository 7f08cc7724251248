// Same-origin proxy to the tracking server: the browser only ever talks to Runlens, so
// credentials stay on the server, MLflow >= 3.5's Host/Origin checks see a server-side
// client, and Databricks-style backends without CORS work.
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { displayTrackingUri, type ServeOptions } from './options.ts';
import { decideProxyRoute } from './proxy-routes.ts';
import { artifactSandboxCsp, isSameOriginWrite } from './security.ts';
import { describeConnectionError, requestUpstream } from './upstream.ts';

const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-encoding', 'content-type', 'range', 'if-none-match', 'if-modified-since'];
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-range',
  'accept-ranges',
  'etag',
  'last-modified',
  'cache-control',
  'retry-after',
];
const MAX_BODY_BYTES = 1024 * 1024;

/** Errors the proxy produces itself use MLflow's error shape with RUNLENS_* codes. */
export type ProxyErrorCode =
  | 'RUNLENS_UPSTREAM_UNREACHABLE'
  | 'RUNLENS_UPSTREAM_REDIRECT'
  | 'RUNLENS_PROXY_REFUSED'
  | 'RUNLENS_BAD_REQUEST';

export async function handleProxy(
  options: ServeOptions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const decision = decideProxyRoute(req.method ?? 'GET', req.url ?? '');
  if (!decision.ok) {
    sendError(res, decision.status, decision.status === 400 ? 'RUNLENS_BAD_REQUEST' : 'RUNLENS_PROXY_REFUSED', decision.message);
    return;
  }
  const method = (req.method ?? 'GET').toUpperCase();
  let body: Buffer | undefined;
  if (method === 'POST') {
    if (!isSameOriginWrite(req.headers)) {
      sendError(res, 403, 'RUNLENS_PROXY_REFUSED', 'cross-origin request refused by Runlens');
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendError(res, 415, 'RUNLENS_BAD_REQUEST', 'POST bodies must be application/json');
      return;
    }
    const read = await readBody(req);
    if (!read) {
      sendError(res, 413, 'RUNLENS_BAD_REQUEST', 'request body too large');
      return;
    }
    body = read;
  }

  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }

  let upstream: http.IncomingMessage;
  try {
    upstream = await requestUpstream(options, { method, path: decision.upstreamPath, headers, ...(body ? { body } : {}) });
  } catch (err) {
    const reason = describeConnectionError(err);
    sendError(res, 502, 'RUNLENS_UPSTREAM_UNREACHABLE', `cannot reach ${displayTrackingUri(options.trackingUri)}: ${reason}`);
    return;
  }

  const status = upstream.statusCode ?? 502;
  if (status >= 300 && status < 400 && upstream.headers.location) {
    upstream.resume();
    // Following redirects would let the upstream (or anything in between) pick another host.
    sendError(
      res,
      502,
      'RUNLENS_UPSTREAM_REDIRECT',
      `${displayTrackingUri(options.trackingUri)} answered with a redirect to ${upstream.headers.location}; Runlens does not follow upstream redirects (check the tracking URI's scheme and path)`,
    );
    return;
  }

  const outHeaders: Record<string, string | string[]> = {};
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers[name];
    if (value !== undefined) outHeaders[name] = value;
  }
  // Never let an upstream challenge pop the browser's native login dialog; the app explains 401s.
  if (upstream.headers['www-authenticate']) outHeaders['x-runlens-auth-challenge'] = 'basic';
  // Artifact bytes are untrusted documents: sandboxed wherever they are opened (security.ts).
  if (decision.artifactDownload) outHeaders['content-security-policy'] = artifactSandboxCsp(options.frameAncestors);
  res.writeHead(status, outHeaders);
  try {
    await pipeline(upstream, res);
  } catch {
    res.destroy();
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendError(res: http.ServerResponse, status: number, errorCode: ProxyErrorCode, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error_code: errorCode, message }));
}
