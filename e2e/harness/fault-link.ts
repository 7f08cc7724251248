// A fault-injecting HTTP forwarder for the fault suite: it sits between `runlens serve` and the
// real MLflow server and forwards every request unchanged, until a test switches on a fault for
// the requests whose path matches a pattern. The faults are what real deployments answer with:
// MLflow's own 500s, an HTML error page from a reverse proxy, auth and host-check refusals, rate
// limits, a server that never answers, one that is down, and a body cut off mid-way. The real
// server keeps holding the data; only the answer is replaced, so the app is tested end to end.
import http from 'node:http';
import type net from 'node:net';
import { startRunlens, type RunlensServer } from './runlens-server.ts';

export type FaultKind =
  /** MLflow's own error shape, as its REST handlers answer an unexpected exception. */
  | '500 JSON'
  /** An HTML error page with a <title>, as a reverse proxy or Werkzeug answers. */
  | '500 HTML'
  /** MLflow's basic-auth app: JSON UNAUTHENTICATED with a WWW-Authenticate challenge. */
  | '401'
  /** MLflow >= 3.5's host check (security middleware), in text/plain. */
  | '403 text/plain'
  | '429 Retry-After'
  | '429'
  /** The request is accepted and never answered until `clear()`, which forwards it then. */
  | 'hang'
  /** The link stops listening (and drops its open connections) until `clear()`; no path applies. */
  | 'refused'
  /** The real answer's headers (its full Content-Length) and the first half of its body, then a reset. */
  | 'cut';

/** Any other answer a test needs (a body of the wrong shape, …). */
export interface FaultResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** Matched against the request's path and query: a substring, or a regular expression. */
export type PathPattern = string | RegExp;

export interface RecordedRequest {
  method: string;
  /** Path and query as the forwarder received them, e.g. `/api/2.0/mlflow/runs/get?run_id=…`. */
  url: string;
  /** The request body (a POST's JSON), as text. */
  body: string;
  /** When the request arrived (ms since the epoch): retries and backoff are asserted on these. */
  at: number;
  /** The fault it was answered with; absent when it was forwarded. */
  fault?: string;
}

export interface FaultLink {
  port: number;
  /** The tracking URI to give `runlens serve`. */
  url: string;
  /** Answers the matching requests with `fault` from now on (every request when no pattern). */
  setFault(fault: FaultKind | FaultResponse, pathPattern?: PathPattern): Promise<void>;
  /** Back to forwarding everything: releases hung requests (forwarded now) and listens again. */
  clear(): Promise<void>;
  /** Every request received so far whose path matches, oldest first. */
  requests(pathPattern?: PathPattern): RecordedRequest[];
  close(): Promise<void>;
}

/** How long after the first half of the body the connection of a `cut` is reset. */
const CUT_AFTER_MS = 200;

const HTML_ERROR_PAGE = `<!doctype html>
<html lang="en">
<title>500 Internal Server Error</title>
<h1>Internal Server Error</h1>
<p>The server encountered an internal error and was unable to complete your request.</p>
</html>
`;

const CANNED: Record<Exclude<FaultKind, 'hang' | 'refused' | 'cut'>, FaultResponse> = {
  '500 JSON': {
    status: 500,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error_code: 'INTERNAL_ERROR', message: '(sqlite3.OperationalError) database is locked' }),
  },
  '500 HTML': { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML_ERROR_PAGE },
  '401': {
    status: 401,
    headers: { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="mlflow"' },
    body: JSON.stringify({ error_code: 'UNAUTHENTICATED', message: 'You are not authenticated. Please provide valid credentials.' }),
  },
  '403 text/plain': {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: 'Invalid Host header - possible DNS rebinding attack detected',
  },
  '429 Retry-After': {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': '2' },
    body: JSON.stringify({ error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'Too many requests: try again in 2 seconds.' }),
  },
  '429': {
    status: 429,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'Too many requests.' }),
  },
};

function matches(pattern: PathPattern | undefined, url: string): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === 'string' ? url.includes(pattern) : pattern.test(url);
}

interface Pending {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  body: Buffer;
}

export async function openFaultLink(targetPort: number): Promise<FaultLink> {
  const recorded: RecordedRequest[] = [];
  const held: Pending[] = [];
  const sockets = new Set<net.Socket>();
  let fault: { kind: FaultKind | FaultResponse; pattern: PathPattern | undefined } | undefined;
  // Upstream connections of its own, so a reset on the Runlens side never reaches MLflow's pool.
  const agent = new http.Agent({ keepAlive: true });

  const forward = ({ req, res, body }: Pending, cut = false, resent = false) => {
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        if (!cut) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const whole = Buffer.concat(chunks);
          const headers = { ...answer.headers, 'content-length': String(whole.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 200, headers);
          // The reset comes a moment after the half body, so the client has started reading the
          // answer (as with a large body cut off mid-way) before it loses the connection.
          res.write(whole.subarray(0, Math.floor(whole.length / 2)), () => setTimeout(() => res.destroy(), CUT_AFTER_MS));
        });
      },
    );
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      // A kept-alive connection MLflow closed as it was reused: sent again on a new one, as a
      // reverse proxy does (nginx's proxy_next_upstream); only a real failure reaches Runlens.
      if (!resent && upstream.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) forward({ req, res, body }, cut, true);
      else res.destroy();
    });
    upstream.end(body);
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const pending = { req, res, body: Buffer.concat(chunks) };
      const active = fault && matches(fault.pattern, url) ? fault.kind : undefined;
      recorded.push({
        method: req.method ?? 'GET',
        url,
        body: pending.body.toString('utf8'),
        at: Date.now(),
        ...(active ? { fault: typeof active === 'string' ? active : String(active.status) } : {}),
      });
      if (active === undefined) forward(pending);
      else if (active === 'hang') held.push(pending);
      else if (active === 'cut') forward(pending, true);
      else if (active === 'refused')
        res.destroy(); // Raced the close: drop it as a refused link would.
      else {
        const answer = typeof active === 'string' ? CANNED[active] : active;
        res.writeHead(answer.status, { 'content-length': String(Buffer.byteLength(answer.body)), ...answer.headers });
        res.end(answer.body);
      }
    });
  };

  let server = http.createServer(handle);
  const track = (s: http.Server) =>
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  track(server);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      // Open keep-alive connections would still be served: a server that is down has none.
      held.length = 0;
      for (const socket of sockets) socket.destroy();
      if (!server.listening) resolve();
      else server.close(() => resolve());
    });
  const port = await listen(0);

  const release = () => {
    for (const pending of held.splice(0)) forward(pending);
  };

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async setFault(kind, pathPattern) {
      fault = { kind, pattern: pathPattern };
      if (kind === 'refused') await stopListening();
    },
    async clear() {
      fault = undefined;
      release();
      if (!server.listening) {
        server = http.createServer(handle);
        track(server);
        await listen(port);
      }
    },
    requests: (pathPattern) => recorded.filter((r) => matches(pathPattern, r.url)),
    async close() {
      fault = undefined;
      await stopListening();
      agent.destroy();
    },
  };
}

export interface FaultyRunlens {
  link: FaultLink;
  runlens: RunlensServer;
  stop(): Promise<void>;
}

/** A `runlens serve` of its own whose tracking server is reached through a fault link. */
export async function startRunlensBehindFaultLink(mlflowUrl: string, serveArgs: string[] = []): Promise<FaultyRunlens> {
  const link = await openFaultLink(Number(new URL(mlflowUrl).port));
  const runlens = await startRunlens(link.url, { args: serveArgs }).catch(async (err: unknown) => {
    await link.close();
    throw err;
  });
  return {
    link,
    runlens,
    stop: async () => {
      await runlens.stop();
      await link.close();
    },
  };
}
