// Same-origin proxy to the tracking server: the browser only ever talks to Runlens, so
// credentials stay on the server, MLflow >= 3.5's Host/Origin checks see a server-side
// client, and Databricks-style backends without CORS work.
import type http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { chooseAnswerEncoding, compressedHeaders, createCompressor } from './compression.ts';
import { checkAnswer, checkLookup, decideScopedRequest, resolveRequestScope, takeEmbedCredential } from './embed/scoped-proxy.ts';
import { displayTrackingUri, type ServeOptions } from './options.ts';
import { decideProxyRoute } from './proxy-routes.ts';
import { artifactSandboxCsp, isSameOriginWrite } from './security.ts';
import { describeConnectionError, requestUpstream } from './upstream.ts';
import { requestKey, type PrefetchCache, type UpstreamAnswer } from './prefetch/prefetch-cache.ts';
import type { RunlensErrorCode } from '../contract/runlens-http.ts';

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

/** The request headers the proxy forwards upstream, from the browser's (or a prefetch's: prefetch/run-table-prefetch.ts). */
export function forwardedRequestHeaders(incoming: http.IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/**
 * `prefetched` holds answers `runlens serve` asked for at navigation (the run table's first page,
 * prefetch/run-table-prefetch.ts): an identical request takes its answer instead of asking again,
 * after every check below, exactly as if it had gone upstream itself.
 */
export async function handleProxy(
  options: ServeOptions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  prefetched?: PrefetchCache,
): Promise<void> {
  // A signed embed link's scope travels as parameters of its own, never forwarded.
  const { url, credential } = takeEmbedCredential(req.url ?? '');
  const decision = decideProxyRoute(req.method ?? 'GET', url);
  if (!decision.ok) {
    sendError(res, decision.status, decision.status === 400 ? 'RUNLENS_BAD_REQUEST' : 'RUNLENS_PROXY_REFUSED', decision.message);
    return;
  }
  // Reads cost the tracking server (a 10,000-run search) and carry the operator's credentials:
  // a browser sends them for any web page that names a local Runlens URL, so only Runlens's
  // own pages (and direct navigation, "none") may ask. Clients that are not browsers send no
  // Sec-Fetch-Site and are not affected.
  if (isCrossSiteFetch(req.headers)) {
    sendError(res, 403, 'RUNLENS_PROXY_REFUSED', 'cross-site request refused by Runlens');
    return;
  }
  const scoped = resolveRequestScope(options, credential);
  if (scoped && !scoped.ok) {
    sendError(res, 403, 'RUNLENS_EMBED_REFUSED', scoped.message);
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
    if (read === 'too-large') {
      sendError(res, 413, 'RUNLENS_BAD_REQUEST', 'request body too large');
      return;
    }
    // The browser went away mid-body (a closed tab, a reset): nobody is left to answer.
    if (read === 'aborted') {
      res.destroy();
      return;
    }
    body = read;
  }

  const scope = scoped?.scope;
  const scopeDecision = scope ? decideScopedRequest(scope, method, decision.upstreamPath, body) : undefined;
  if (scopeDecision && !scopeDecision.allow) {
    sendError(res, 403, 'RUNLENS_EMBED_REFUSED', scopeDecision.message);
    return;
  }
  // Exactly what was checked goes upstream (the search body without fields the app never sends).
  if (scopeDecision?.body !== undefined) body = Buffer.from(JSON.stringify(scopeDecision.body));
  const checkAnswerFirst = scopeDecision?.checkResponse === true;

  const headers = forwardedRequestHeaders(req.headers);
  // An answer that is read before it is sent must come uncompressed.
  if (checkAnswerFirst) delete headers['accept-encoding'];

  const browserGone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) browserGone.abort();
  });
  let upstream: UpstreamAnswer;
  try {
    if (scope && scopeDecision?.allow) {
      const looked = await checkLookup(options, scope, scopeDecision, browserGone.signal);
      if (!looked.ok) {
        sendError(res, looked.status, looked.status === 502 ? 'RUNLENS_UPSTREAM_UNREACHABLE' : 'RUNLENS_EMBED_REFUSED', looked.message);
        return;
      }
    }
    // Only unscoped requests: a signed link's requests are checked and filtered, and none is prefetched.
    const early = scope
      ? undefined
      : prefetched?.take(requestKey({ client: clientAddress(req), method, url, headers, body }), browserGone.signal);
    if (early) upstream = await early;
    else {
      const answer = await requestUpstream(options, {
        method,
        path: decision.upstreamPath,
        headers,
        signal: browserGone.signal,
        ...(body ? { body } : {}),
      });
      upstream = { statusCode: answer.statusCode, headers: answer.headers, body: answer };
    }
  } catch (err) {
    if (!browserGone.signal.aborted) sendUnreachable(res, options, err);
    return;
  }

  const status = upstream.statusCode ?? 502;
  if (status >= 300 && status < 400 && upstream.headers.location) {
    upstream.body.resume();
    // Following redirects would let the upstream (or anything in between) pick another host.
    // The Location itself is not repeated: it may carry a login URL with tokens or an internal
    // host name the browser has no business seeing.
    sendError(
      res,
      502,
      'RUNLENS_UPSTREAM_REDIRECT',
      `${displayTrackingUri(options.trackingUri)} answered with a redirect (HTTP ${status}); Runlens does not follow upstream redirects (check the tracking URI's scheme and path, e.g. http vs https or a missing path prefix)`,
    );
    return;
  }

  if (scope && checkAnswerFirst && status === 200) {
    const checked = await checkAnswer(scope, decision.upstreamPath, upstream.body);
    if (!checked.ok) sendError(res, 403, 'RUNLENS_EMBED_REFUSED', checked.message);
    else await sendCheckedAnswer(req, res, method, Buffer.from(checked.body));
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
  // Text is compressed on the way (compression.ts); what is encoded already, ranges and
  // archives pass as they are.
  const coding = chooseAnswerEncoding({
    method,
    request: req.headers,
    status,
    upstream: upstream.headers,
    artifactPath: decision.artifactPath,
  });
  res.writeHead(status, coding ? compressedHeaders(outHeaders, coding) : outHeaders);
  // The compressor holds its input until it has a block (up to ~0.5 MB): the status and headers
  // go now, so an upstream cut off before then still reads in the browser as a body cut off
  // ("the response was cut off"), not as a Runlens that cannot be reached.
  if (coding) res.flushHeaders();
  try {
    // A browser that leaves mid-answer fails the pipeline, which destroys every stream in it: the
    // compressor and the upstream answer too (so the tracking server stops sending).
    await (coding ? pipeline(upstream.body, createCompressor(coding), res) : pipeline(upstream.body, res));
  } catch {
    res.destroy();
  }
}

/** An embed link's answer, read whole and filtered (embed/scoped-proxy.ts), compressed like the others. */
async function sendCheckedAnswer(req: http.IncomingMessage, res: http.ServerResponse, method: string, body: Buffer): Promise<void> {
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  const coding = chooseAnswerEncoding({
    method,
    request: req.headers,
    status: 200,
    upstream: { ...headers, 'content-length': String(body.length) },
  });
  if (!coding) {
    res.writeHead(200, headers);
    res.end(body);
    return;
  }
  res.writeHead(200, compressedHeaders(headers, coding));
  try {
    await pipeline(Readable.from([body]), createCompressor(coding), res);
  } catch {
    res.destroy();
  }
}

/** The body, or why there is none: over MAX_BODY_BYTES, or the client aborted while sending it. */
function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // A reset mid-body emits 'error' (ECONNRESET) or just 'close' without 'end'. Neither may
    // reject: an unhandled rejection here used to end the whole process (issue 10, finding 1).
    req.on('error', () => resolve('aborted'));
    req.on('close', () => {
      if (!req.complete) resolve('aborted');
    });
  });
}

/** The browser's address, which an early answer is kept for (prefetch/prefetch-cache.ts). */
export function clientAddress(req: http.IncomingMessage): string {
  return req.socket.remoteAddress ?? '';
}

function isCrossSiteFetch(headers: http.IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

/** The tracking server did not answer: 504 when it was too slow, 502 when it cannot be reached. */
export function sendUnreachable(res: http.ServerResponse, options: ServeOptions, err: unknown): void {
  const uri = displayTrackingUri(options.trackingUri);
  if ((err as { code?: string }).code === 'RUNLENS_UPSTREAM_TIMEOUT') {
    const seconds = options.upstreamTimeoutMs / 1000;
    sendError(res, 504, 'RUNLENS_UPSTREAM_TIMEOUT', `${uri} did not answer within ${seconds} s (--upstream-timeout)`);
    return;
  }
  sendError(res, 502, 'RUNLENS_UPSTREAM_UNREACHABLE', `cannot reach ${uri}: ${describeConnectionError(err)}`);
}

export function sendError(res: http.ServerResponse, status: number, errorCode: RunlensErrorCode, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error_code: errorCode, message }));
}
