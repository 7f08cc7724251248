// Asks the tracking server what it is and what it can do (classify-backend.ts decides from the
// answers), once per `runlens serve`: the page reads the result from /runlens/backend.json.
// Every request is a read that changes nothing, sent with the operator's credentials.
import { BACKEND_PATH, type BackendInfo } from '../../contract/runlens-http.ts';
import type http from 'node:http';
import type { ServeOptions } from '../options.ts';
import { sendUnreachable } from '../proxy.ts';
import { requestUpstream } from '../upstream.ts';
import { classifyBackend, type ProbeAnswer } from './classify-backend.ts';

const API = '/api/2.0/mlflow';
/** Enough of a body to read an error code; probes never need more. */
const BODY_LIMIT = 4096;

async function ask(options: ServeOptions, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ProbeAnswer> {
  const res = await requestUpstream(options, {
    method,
    path,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: Buffer.from(JSON.stringify(body)) }),
  });
  let text = '';
  for await (const chunk of res) {
    if (text.length < BODY_LIMIT) text += (chunk as Buffer).toString('utf8');
  }
  const server = res.headers.server;
  return { status: res.statusCode ?? 0, server: typeof server === 'string' ? server : '', body: text.slice(0, BODY_LIMIT) };
}

/** Sends the probes in parallel; rejects when the server cannot be reached at all. */
export async function probeBackend(options: ServeOptions): Promise<BackendInfo> {
  const [version, getArtifact, artifactsGet, loggedModels, registry] = await Promise.all([
    ask(options, 'GET', '/version'),
    ask(options, 'GET', '/get-artifact'),
    ask(options, 'GET', `${API}/artifacts/get`),
    ask(options, 'POST', `${API}/logged-models/search`, { experiment_ids: [], max_results: 1 }),
    ask(options, 'GET', `${API}/registered-models/search?max_results=1`),
  ]);
  return classifyBackend({
    trackingHost: options.trackingUri.hostname,
    declaredKind: options.declaredKind,
    version,
    getArtifact,
    artifactsGet,
    loggedModels,
    registry,
  });
}

/** A server that answered is not asked again for this long (it may be upgraded under Runlens). */
const KEEP_MS = 10 * 60_000;

/** The probe's result for `runlens serve`: one probe in flight at a time, a success kept. */
export function createBackendInfo(options: ServeOptions, probe: (options: ServeOptions) => Promise<BackendInfo> = probeBackend) {
  let kept: { info: BackendInfo; at: number } | undefined;
  let pending: Promise<BackendInfo> | undefined;
  return {
    path: BACKEND_PATH,
    get(now = Date.now()): Promise<BackendInfo> {
      if (kept && now - kept.at < KEEP_MS) return Promise.resolve(kept.info);
      pending ??= probe(options)
        .then((info) => {
          kept = { info, at: Date.now() };
          return info;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
  };
}
export type BackendInfoSource = ReturnType<typeof createBackendInfo>;

/** Answers GET /runlens/backend.json: the probe's result, or why the server could not be asked. */
export async function serveBackendInfo(source: BackendInfoSource, options: ServeOptions, res: http.ServerResponse): Promise<void> {
  try {
    const info = await source.get();
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(info));
  } catch (err) {
    sendUnreachable(res, options, err);
  }
}
