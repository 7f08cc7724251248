// The proxy under attack (issue 10): random methods, paths, encodings, headers and bodies are
// sent over raw sockets to a real Runlens server in front of a recording upstream. Whatever
// arrives, the upstream only ever sees allow-listed reads, with no traversal in any artifact
// path, no writes, no cross-origin POSTs and the operator's credentials — and Runlens keeps
// answering. The oracle below is written from the endpoint list, independently of
// proxy-routes.ts, so a widened route table fails here.
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunlensServer } from './app.ts';
import { resolveServeOptions } from './options.ts';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

const seen: Seen[] = [];
let upstream: http.Server;
let runlens: http.Server;
let runlensPort = 0;

const ALLOWED: readonly [string, RegExp][] = [
  ['GET', /^\/version$/],
  ['GET', /^\/api\/2\.0\/mlflow\/experiments\/(search|get)$/],
  ['POST', /^\/api\/2\.0\/mlflow\/runs\/search$/],
  ['GET', /^\/api\/2\.0\/mlflow\/runs\/get$/],
  ['GET', /^\/api\/2\.0\/mlflow\/metrics\/get-history$/],
  ['GET', /^\/api\/2\.0\/mlflow\/artifacts\/(list|get)$/],
  ['GET', /^\/get-artifact$/],
  ['GET', /^\/api\/2\.0\/mlflow-artifacts\/artifacts\/.+$/],
  ['POST', /^\/api\/2\.0\/mlflow\/logged-models\/search$/],
  ['GET', /^\/api\/2\.0\/mlflow\/logged-models\/[\w.-]+\/artifacts\/directories$/],
  ['GET', /^\/ajax-api\/2\.0\/mlflow\/logged-models\/[\w.-]+\/artifacts\/files$/],
  ['GET', /^\/api\/2\.0\/mlflow\/registered-models\/(search|get|alias)$/],
  ['GET', /^\/api\/2\.0\/mlflow\/model-versions\/(search|get)$/],
  ['GET', /^\/api\/2\.0\/mlflow\/metrics\/get-history-bulk-interval$/],
];
const ARTIFACT_PARAMS = ['path', 'artifact_directory_path', 'artifact_file_path'];

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  const upstreamPort = await listen(upstream);
  const options = resolveServeOptions(
    { trackingUri: `http://127.0.0.1:${upstreamPort}/prefix`, port: '0' },
    { MLFLOW_TRACKING_TOKEN: 'tok' },
  );
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'runlens-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  runlens = createRunlensServer(options, staticDir, 'test');
  runlensPort = await listen(runlens);
});

afterAll(() => {
  runlens.close();
  upstream.close();
});

/** Decodes percent-escapes until nothing changes, tolerating stray `%`. */
function decodeAll(value: string): string {
  let current = value;
  for (let i = 0; i < 10; i++) {
    const next = current.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      }
    });
    if (next === current) break;
    current = next;
  }
  return current;
}

function traverses(value: string): boolean {
  const decoded = decodeAll(value);
  return decoded.split(/[/\\]/).some((s) => s === '..') || /^[/\\]/.test(decoded) || decoded.includes('\0');
}

/** The allow-list, checked on what the upstream actually received. */
function violation(request: Seen): string | undefined {
  if (!request.url.startsWith('/prefix/')) return `left the tracking URI's path: ${request.url}`;
  const target = new URL(request.url, 'http://upstream');
  const pathname = target.pathname.slice('/prefix'.length);
  const decodedPath = decodeAll(pathname);
  // HEAD is a read wherever GET is.
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  if (!ALLOWED.some(([allowed, pattern]) => allowed === method && pattern.test(decodedPath))) {
    return `not allow-listed: ${request.method} ${pathname}`;
  }
  if (pathname.startsWith('/api/2.0/mlflow-artifacts/') && traverses(pathname.replace(/^\/api\/2\.0\/mlflow-artifacts\/artifacts\//, ''))) {
    return `artifact path traverses: ${pathname}`;
  }
  for (const name of ARTIFACT_PARAMS) {
    for (const value of target.searchParams.getAll(name)) if (traverses(value)) return `${name} traverses: ${value}`;
  }
  if (request.headers.authorization !== 'Bearer tok') return 'credentials not the operator’s';
  if (request.headers.cookie !== undefined || request.headers.origin !== undefined) return 'browser headers leaked upstream';
  return undefined;
}

/** One raw HTTP request; resolves when Runlens answers or closes the connection. */
function rawRequest(head: string, body: string, abortAfterHead: boolean): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(runlensPort, '127.0.0.1', () => {
      socket.write(head);
      if (abortAfterHead) {
        socket.write(body.slice(0, Math.floor(body.length / 2)));
        setImmediate(() => socket.resetAndDestroy());
      } else {
        socket.end(body);
      }
    });
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', () => undefined);
    socket.on('close', () => resolve());
    socket.on('error', () => undefined);
  });
}

const segment = fc.oneof(
  fc.constantFrom(
    'api',
    '2.0',
    'mlflow',
    'ajax-api',
    'mlflow-artifacts',
    'artifacts',
    'runs',
    'search',
    'get',
    'list',
    'experiments',
    'delete',
    'update',
    'registered-models',
    'logged-models',
    'm-1',
    'files',
    'directories',
    'get-artifact',
    'version',
    'health',
    'graphql',
    'admin',
  ),
  fc.constantFrom('..', '.', '%2e%2e', '%252e%252e', '%2f', '%5c', '\\', '', '%00', '%', 'http:', 'evil.example', '@evil', ';x=1', '%3b'),
  fc.string({ maxLength: 8 }),
);
const encodeMaybe = (value: string, encode: boolean) => (encode ? encodeURIComponent(value) : value);
const artifactValue = fc.oneof(
  fc.constantFrom(
    '../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '%252e%252e%252f',
    '/etc/passwd',
    'file:///etc/passwd',
    '\\..\\x',
    'a;b',
    'images/samples%step%3%timestamp%1733140000000%5c0b.png',
    'model/MLmodel',
    'a:b.txt',
    's3://bucket/k',
  ),
  fc.string({ maxLength: 12 }),
);
// Real endpoints (allowed or not), so that many requests get through to be checked.
const endpoint = fc.constantFrom(
  'mlflow/version',
  'mlflow/health',
  'mlflow/api/2.0/mlflow/experiments/search',
  'mlflow/api/2.0/mlflow/experiments/get',
  'mlflow/api/2.0/mlflow/experiments/delete',
  'mlflow/api/2.0/mlflow/runs/search',
  'mlflow/api/2.0/mlflow/runs/get',
  'mlflow/api/2.0/mlflow/runs/delete',
  'mlflow/api/2.0/mlflow/runs/log-batch',
  'mlflow/api/2.0/mlflow/metrics/get-history',
  'mlflow/api/2.0/mlflow/artifacts/list',
  'mlflow/api/2.0/mlflow/artifacts/get',
  'mlflow/get-artifact',
  'mlflow/api/2.0/mlflow-artifacts/artifacts/0/r1/artifacts',
  'mlflow/api/2.0/mlflow/logged-models/search',
  'mlflow/api/2.0/mlflow/logged-models/m-1/artifacts/directories',
  'mlflow/ajax-api/2.0/mlflow/logged-models/m-1/artifacts/files',
  'mlflow/api/2.0/mlflow/registered-models/search',
  'mlflow/api/2.0/mlflow/registered-models/delete',
  'mlflow/api/2.0/mlflow/model-versions/get',
  'mlflow/api/2.0/mlflow/metrics/get-history-bulk-interval',
  'mlflow/api/3.0/mlflow/server-info',
  'mlflow/ajax-api/2.0/mlflow/metrics/get-history-bulk',
);
const requestArb = fc.record({
  endpoint,
  method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'),
  /** Appended to the endpoint (artifact tails, traversal attempts), or the whole path. */
  segments: fc.array(segment, { minLength: 0, maxLength: 5 }),
  shape: fc.constantFrom('endpoint', 'endpoint', 'endpoint+segments', 'segments', 'segments+endpoint'),
  encodeParams: fc.boolean(),
  params: fc.array(fc.tuple(fc.constantFrom(...ARTIFACT_PARAMS, 'run_id', 'run_uuid', 'experiment_id', 'x'), artifactValue), {
    maxLength: 3,
  }),
  origin: fc.constantFrom(undefined, 'same', 'same', 'http://evil.example', 'null'),
  fetchSite: fc.constantFrom(undefined, 'same-origin', 'none', 'cross-site', 'same-site'),
  contentType: fc.constantFrom(undefined, 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'),
  body: fc.oneof(fc.constant(''), fc.json({ maxDepth: 2 }), fc.string({ maxLength: 40 })),
  /** Half the requests are shaped like the app's own (its method, origin and body type), so many get through to be checked. */
  polite: fc.boolean(),
  abort: fc.boolean(),
  lyingLength: fc.constantFrom(false, false, true),
});

describe('the proxy under random requests', () => {
  it('only ever sends allow-listed reads upstream, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (generated) => {
        const r = generated.polite
          ? {
              ...generated,
              method: /runs\/search|logged-models\/search/.test(generated.endpoint) ? 'POST' : 'GET',
              origin: 'same' as const,
              fetchSite: 'same-origin' as const,
              contentType: 'application/json' as const,
              abort: false,
              lyingLength: false,
            }
          : generated;
        const start = seen.length;
        const parts = {
          endpoint: [r.endpoint],
          'endpoint+segments': [r.endpoint, ...r.segments],
          segments: ['mlflow', ...r.segments],
          'segments+endpoint': ['mlflow', ...r.segments, r.endpoint.replace(/^mlflow\//, '')],
        }[r.shape];
        const pathPart = `/${parts.join('/')}`;
        const query = r.params.map(([k, v]) => `${k}=${encodeMaybe(v, r.encodeParams)}`).join('&');
        const target = query ? `${pathPart}?${query}` : pathPart;
        // Node's parser refuses request targets with spaces or control characters; so would any server.
        if (/[\s\p{Cc}]/u.test(target)) return;
        const host = `127.0.0.1:${runlensPort}`;
        const lines = [`${r.method} ${target} HTTP/1.1`, `Host: ${host}`, 'Connection: close'];
        if (r.origin) lines.push(`Origin: ${r.origin === 'same' ? `http://${host}` : r.origin}`);
        if (r.fetchSite) lines.push(`Sec-Fetch-Site: ${r.fetchSite}`);
        if (r.contentType) lines.push(`Content-Type: ${r.contentType}`);
        lines.push('Cookie: session=browser', 'Authorization: Basic browser');
        const body = Buffer.from(r.body);
        lines.push(`Content-Length: ${body.length + (r.lyingLength ? 100 : 0)}`);
        await rawRequest(`${lines.join('\r\n')}\r\n\r\n`, r.body, r.abort);

        for (const request of seen.slice(start)) {
          const problem = violation(request);
          if (problem) throw new Error(`${problem} (sent ${r.method} ${target})`);
          if (request.method === 'POST' && (r.origin !== 'same' || r.contentType !== 'application/json')) {
            throw new Error(`a POST without a same-origin JSON request reached the upstream (sent ${r.method} ${target})`);
          }
          if (r.fetchSite === 'cross-site' || r.fetchSite === 'same-site')
            throw new Error(`a cross-site read reached the upstream: ${target}`);
        }
      }),
      { numRuns: 400 },
    );
    // The generator reaches the upstream often enough for the property to mean something.
    expect(seen.length).toBeGreaterThan(20);
    // Still serving after all of it.
    const res = await fetch(`http://127.0.0.1:${runlensPort}/runlens/config.json`);
    expect(res.status).toBe(200);
  }, 60_000);
});
