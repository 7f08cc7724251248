// The one place the Node side talks to the tracking server. Used by the proxy and by the
// start-up probe, so both describe an unreachable server with the same words.
import http from 'node:http';
import https from 'node:https';
import type { ServeOptions, UpstreamAuth } from './options.ts';

export interface UpstreamRequest {
  method: string;
  /** Path (and query) relative to the tracking URI, starting with "/". */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Aborted when the browser goes away, so the tracking server stops working for nobody. */
  signal?: AbortSignal;
}

const CONNECT_TIMEOUT_MS = 10_000;

export function requestUpstream(options: ServeOptions, req: UpstreamRequest): Promise<http.IncomingMessage> {
  const base = options.trackingUri;
  // The tracking URI may carry a path prefix (a reverse proxy or --static-prefix); keep it.
  const target = new URL(base.pathname.replace(/\/$/, '') + req.path, base);
  const transport = target.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = {
    ...req.headers,
    // MLflow >= 3.5 rejects unknown Host headers; send the one the operator configured.
    host: target.host,
    'user-agent': 'runlens-proxy',
    ...authHeader(options.auth),
  };
  if (req.body) headers['content-length'] = String(req.body.length);
  const tls =
    target.protocol === 'https:'
      ? { rejectUnauthorized: options.tls.rejectUnauthorized, ...(options.tls.ca ? { ca: options.tls.ca } : {}) }
      : {};
  return send(transport, target, { headers, tls }, options.upstreamTimeoutMs, req, true);
}

/**
 * Errors of a kept-alive connection that the server closed as it was reused: Node keeps idle
 * upstream sockets for 5 s and servers close them after their own keep-alive timeout (uvicorn
 * and Node's: also 5 s), so a request can go out on a socket whose close is already on the way.
 */
const STALE_SOCKET_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function send(
  transport: typeof http | typeof https,
  target: URL,
  sent: { headers: Record<string, string>; tls: https.RequestOptions },
  timeoutMs: number,
  req: UpstreamRequest,
  mayRetry: boolean,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    // `timeout` is an idle-socket limit: a long download that keeps sending is not cut off.
    const upstream = transport.request(target, {
      ...sent.tls,
      method: req.method,
      headers: sent.headers,
      timeout: timeoutMs,
      ...(req.signal ? { signal: req.signal } : {}),
    });
    const connectTimer = setTimeout(() => {
      upstream.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' }));
    }, CONNECT_TIMEOUT_MS);
    upstream.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once('connect', () => clearTimeout(connectTimer));
    });
    upstream.on('timeout', () => {
      upstream.destroy(Object.assign(new Error('no answer in time'), { code: 'RUNLENS_UPSTREAM_TIMEOUT' }));
    });
    upstream.on('response', (res) => {
      clearTimeout(connectTimer);
      resolve(res);
    });
    upstream.on('error', (err) => {
      clearTimeout(connectTimer);
      // Such a request never reached the server's handler: sent again once on a new connection,
      // as browsers do. Every request Runlens forwards is a read, so sending it twice is safe.
      const code = (err as { code?: string }).code ?? '';
      if (mayRetry && upstream.reusedSocket && STALE_SOCKET_ERRORS.has(code) && !req.signal?.aborted) {
        resolve(send(transport, target, sent, timeoutMs, req, false));
        return;
      }
      reject(err);
    });
    upstream.end(req.body);
  });
}

function authHeader(auth: UpstreamAuth): Record<string, string> {
  switch (auth.kind) {
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'basic':
      return {
        authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
      };
    case 'none':
      return {};
  }
}

/** "connection refused", "host not found", … — the reason in a user's words. */
export function describeConnectionError(err: unknown): string {
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
      return 'timed out';
    case 'RUNLENS_UPSTREAM_TIMEOUT':
      return 'no answer in time';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `TLS certificate rejected (${code}): trust its CA with MLFLOW_TRACKING_SERVER_CERT_PATH, or skip the check with MLFLOW_TRACKING_INSECURE_TLS=true`;
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
